import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { simpleParser, type ParsedMail } from 'mailparser';
import { freePort } from '../helpers/free-port.js';

const run = promisify(execFile);
const SCRIPTS = fileURLToPath(new URL('../../scripts/mta/', import.meta.url));

/** The domain whose mailboxes the instance delivers to. */
export const MTA_DOMAIN = 'mta.test';

/** A mail the instance delivered: its raw text as stored in the Maildir, and parsed. */
export interface DeliveredMail {
  raw: string;
  parsed: ParsedMail;
}

/** A running private Postfix instance started by scripts/mta/start-postfix.sh. */
export interface PostfixInstance {
  host: '127.0.0.1';
  port: number;
  /** The self-signed certificate the instance offers with STARTTLS (CN=localhost), PEM. */
  ca: string;
  user: string;
  pass: string;
  /** Reads every mail delivered to `name@mta.test` so far. */
  mailbox(name: string): Promise<DeliveredMail[]>;
  /** Waits until `name@mta.test` holds at least `count` mails (bounded), then reads them all. */
  waitForMail(name: string, count: number): Promise<DeliveredMail[]>;
  /** Stops the instance and removes its directory; leaves no process behind. */
  stop(): Promise<void>;
}

/**
 * Why a real Postfix cannot run on this machine, or `undefined` when it can: the start script
 * needs Postfix, Cyrus SASL's saslpasswd2 and openssl, and root to start Postfix's master.
 */
export function postfixUnavailableReason(): string | undefined {
  const missing = ['postfix', 'saslpasswd2', 'openssl'].filter(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
  );
  if (missing.length > 0) return `${missing.join(', ')} not installed (apt-get install postfix sasl2-bin libsasl2-modules openssl)`;
  if (process.getuid?.() !== 0) return 'not running as root, which Postfix needs to start';
  return undefined;
}

/** Starts a fresh private Postfix instance on a free loopback port, with a random SASL password. */
export async function startPostfix(): Promise<PostfixInstance> {
  const baseDir = await mkdtemp(join(tmpdir(), 'auth-mailer-postfix-'));
  const port = await freePort();
  const user = 'mailer';
  const pass = randomBytes(12).toString('base64url');
  try {
    await run('bash', [join(SCRIPTS, 'start-postfix.sh'), baseDir, String(port), user], {
      env: { ...process.env, MTA_SASL_PASSWORD: pass },
      timeout: 30_000,
    });
  } catch (error) {
    const log = await readFile(join(baseDir, 'log', 'maillog'), 'utf8').catch(() => '');
    await stopPostfix(baseDir);
    throw new Error(`Could not start Postfix: ${String((error as { stderr?: string }).stderr ?? error)}\n${log}`);
  }
  const ca = await readFile(join(baseDir, 'etc', 'cert.pem'), 'utf8');
  const mailbox = (name: string): Promise<DeliveredMail[]> => readMaildir(join(baseDir, 'mail', MTA_DOMAIN, name));
  return {
    host: '127.0.0.1',
    port,
    ca,
    user,
    pass,
    mailbox,
    async waitForMail(name, count) {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const mails = await mailbox(name);
        if (mails.length >= count) return mails;
        if (Date.now() > deadline) {
          const log = await readFile(join(baseDir, 'log', 'maillog'), 'utf8').catch(() => '');
          throw new Error(`${name}@${MTA_DOMAIN} holds ${mails.length} of ${count} mails. Postfix log:\n${log}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    stop: () => stopPostfix(baseDir),
  };
}

async function stopPostfix(baseDir: string): Promise<void> {
  await run('bash', [join(SCRIPTS, 'stop-postfix.sh'), baseDir], { timeout: 30_000 });
}

// Reads the delivered mails of one Maildir, oldest first; an absent Maildir holds none.
async function readMaildir(dir: string): Promise<DeliveredMail[]> {
  const names = await readdir(join(dir, 'new')).catch(() => []);
  const raws = await Promise.all(names.sort().map((name) => readFile(join(dir, 'new', name), 'utf8')));
  return Promise.all(raws.map(async (raw) => ({ raw, parsed: await simpleParser(raw) })));
}
