/**
 * The fault matrix: each case starts a real (mis)behaving SMTP peer on 127.0.0.1, says how a send
 * through it must end, and checks what the peer actually received. The matrix test asserts the
 * outcomes; the secrets test drives the same cases with a config full of secrets.
 */
import { expect } from 'vitest';
import type { MailerConfig, MailerErrorCode } from '../../src/index.js';
import { startSmtpSink, type SinkCredentials, type SmtpSink, type SmtpSinkOptions } from '../../src/testing/index.js';
import { freePort } from '../helpers/free-port.js';
import { logtoTemplates } from '../helpers/logto-config.js';
import { startCuttingProxy, startSilentServer, startStallingServer, type CutPoint } from './fault-servers.js';
import { LOCALHOST_CERT, LOCALHOST_KEY } from '../helpers/localhost-tls.js';

/** The recipient every case sends to. */
export const RECIPIENT = 'ada@example.com';

/** The auth a case's mailer uses; the sink demands the same credentials (or other ones, for 535). */
export type CaseAuth = NonNullable<MailerConfig['auth']>;

/** How a send through a case's peer must end. */
export type Expected =
  | { delivered: true; attempts: number }
  | { delivered: false; code: MailerErrorCode; attempts: number; responseCode?: number; hint?: RegExp };

/** A running peer for one case. */
export interface FaultPeer {
  /** Merged into the mailer config: where to connect, TLS and timeouts. */
  config: Partial<MailerConfig> & { host: string; port: number };
  /** Asserts what the peer received. */
  checkReceived(): void;
  close(): Promise<void>;
}

/** One row of the matrix. */
export interface FaultCase {
  name: string;
  expected: Expected;
  start(auth: CaseAuth): Promise<FaultPeer>;
}


/** Retry options that keep the matrix fast: three attempts, backoff of a few milliseconds. */
export const FAST_RETRY = { attempts: 3, baseDelay: 5, maxDelay: 10 } as const;

/** The config a case's mailer runs on: Logto's templates, the case's auth and peer. */
export function caseConfig(peer: FaultPeer, auth: CaseAuth, extra: Partial<MailerConfig> = {}): MailerConfig {
  return {
    fromEmail: 'Acme Auth <no-reply@acme.test>',
    templates: logtoTemplates(),
    auth,
    tls: { rejectUnauthorized: false },
    connectionTimeout: 2000,
    greetingTimeout: 2000,
    socketTimeout: 2000,
    ...peer.config,
    ...extra,
  };
}

/** The credentials a sink demands from a mailer using `auth`; `wrong` makes them differ. */
function credentialsFor(auth: CaseAuth, wrong = false): SinkCredentials {
  const fields = auth as unknown as Record<string, unknown>;
  const user = String(fields.user);
  if (typeof fields.pass === 'string') return { user, pass: wrong ? `not-${fields.pass}` : fields.pass };
  const token = typeof fields.accessToken === 'string' ? fields.accessToken : 'a-token-the-mailer-must-fetch';
  return { user, accessToken: wrong ? `not-${token}` : token };
}

/** A sink that counts the MAIL and RCPT commands it saw, besides what its hooks refuse. */
interface CountingSink {
  sink: SmtpSink;
  mailFroms: number;
  rcptTos: number;
}

async function countingSink(auth: CaseAuth, options: SmtpSinkOptions = {}): Promise<CountingSink> {
  const counts = { mailFroms: 0, rcptTos: 0 };
  const sink = await startSmtpSink({
    authenticate: credentialsFor(auth),
    ...options,
    onMailFrom: (address, session) => {
      counts.mailFroms += 1;
      return options.onMailFrom?.(address, session);
    },
    onRcptTo: (address, session) => {
      counts.rcptTos += 1;
      return options.onRcptTo?.(address, session);
    },
  });
  return Object.assign(counts, { sink });
}

function sinkPeer(counting: CountingSink, checkReceived: () => void, config: Partial<Omit<MailerConfig, 'port'>> = {}): FaultPeer {
  const { sink } = counting;
  return {
    config: { host: sink.host, port: sink.port, secure: false, tls: { rejectUnauthorized: false }, ...config },
    checkReceived,
    close: () => sink.close(),
  };
}

/** Refuses the first call with `code`, accepts the rest. */
function onceWith(code: number): () => { code: number; message: string } | undefined {
  let refused = false;
  return () => {
    if (refused) return undefined;
    refused = true;
    return { code, message: `Refused once by the test (${code})` };
  };
}

function deliveredOnce(sink: SmtpSink): void {
  expect(sink.messages).toHaveLength(1);
  expect(sink.messages[0]?.envelope.to).toEqual([RECIPIENT]);
}

function transient(code: number, where: 'onConnect' | 'onRcptTo' | 'onData'): FaultCase {
  return {
    name: `${code} once at ${where.slice(2)}, then success`,
    expected: { delivered: true, attempts: 2 },
    async start(auth) {
      const counting = await countingSink(auth, { [where]: onceWith(code) });
      return sinkPeer(counting, () => {
        deliveredOnce(counting.sink);
        // A 421 at connect costs the connection. After a refusal within a session the pool resets it
        // and reuses it, or opens a second one when the retry comes before the reset completed.
        if (where === 'onConnect') expect(counting.sink.connectionCount).toBe(2);
        else expect(counting.sink.connectionCount).toBeLessThanOrEqual(2);
      });
    },
  };
}

function permanent(code: number, where: 'onMailFrom' | 'onRcptTo' | 'onData'): FaultCase {
  return {
    name: `${code} at ${where.slice(2)}`,
    expected: { delivered: false, code: 'Rejected', attempts: 1, responseCode: code },
    async start(auth) {
      const counting = await countingSink(auth, { [where]: () => ({ code, message: `Refused by the test (${code})` }) });
      return sinkPeer(counting, () => {
        expect(counting.sink.messages).toHaveLength(0);
        expect(counting.mailFroms).toBe(1);
        expect(counting.sink.connectionCount).toBe(1);
      });
    },
  };
}

function cut(point: CutPoint): FaultCase {
  return {
    name: `connection cut ${point === 'greeting' ? 'at the greeting' : point.replace('-', ' ')}, then success`,
    expected: { delivered: true, attempts: 2 },
    async start(auth) {
      const counting = await countingSink(auth);
      const proxy = await startCuttingProxy(counting.sink.port, [point]);
      return {
        config: { host: '127.0.0.1', port: proxy.port, secure: false },
        checkReceived() {
          deliveredOnce(counting.sink);
          expect(proxy.connectionCount).toBe(2);
          // The first connection got as far as the cut: MAIL was sent before the cuts after it.
          expect(counting.mailFroms).toBe(point === 'greeting' ? 1 : 2);
        },
        async close() {
          await proxy.close();
          await counting.sink.close();
        },
      };
    },
  };
}

/** Every case of the matrix. */
export const FAULT_CASES: readonly FaultCase[] = [
  transient(421, 'onConnect'),
  transient(451, 'onRcptTo'),
  transient(452, 'onData'),
  permanent(550, 'onRcptTo'),
  permanent(553, 'onMailFrom'),
  permanent(554, 'onData'),
  {
    name: '535: credentials refused',
    expected: { delivered: false, code: 'AuthFailed', attempts: 1, hint: /credentials/ },
    async start(auth) {
      const counting = await countingSink(auth, { authenticate: credentialsFor(auth, true) });
      return sinkPeer(counting, () => {
        expect(counting.sink.messages).toHaveLength(0);
        expect(counting.mailFroms).toBe(0);
        expect(counting.sink.connectionCount).toBe(1);
      });
    },
  },
  cut('greeting'),
  cut('after-mail'),
  cut('during-data'),
  {
    name: 'a server that accepts TCP and never greets',
    expected: { delivered: false, code: 'Unavailable', attempts: 3, hint: /never greeted/ },
    async start() {
      const server = await startSilentServer();
      return {
        config: { host: '127.0.0.1', port: server.port, greetingTimeout: 150 },
        checkReceived() {
          expect(server.connectionCount).toBe(3);
          expect(server.received).toBe('');
        },
        close: () => server.close(),
      };
    },
  },
  {
    name: 'a server that stalls in the middle of DATA',
    expected: { delivered: false, code: 'Unavailable', attempts: 3 },
    async start() {
      const server = await startStallingServer();
      return {
        config: { host: '127.0.0.1', port: server.port, socketTimeout: 200 },
        checkReceived() {
          // Each attempt got as far as handing over the message, which was never acknowledged.
          expect(server.received.match(/^DATA\r$/gm)).toHaveLength(3);
          expect(server.received.match(/^Subject: SignIn verification\r$/gm)).toHaveLength(3);
        },
        close: () => server.close(),
      };
    },
  },
  {
    name: 'STARTTLS with an untrusted certificate, refused by default',
    expected: { delivered: false, code: 'Unavailable', attempts: 3, hint: /tls\.ca/ },
    async start(auth) {
      const counting = await countingSink(auth, { starttls: true, key: LOCALHOST_KEY, cert: LOCALHOST_CERT });
      return sinkPeer(
        counting,
        () => {
          expect(counting.sink.messages).toHaveLength(0);
          expect(counting.mailFroms).toBe(0);
        },
        { tls: {} },
      );
    },
  },
  {
    name: 'STARTTLS with a certificate that tls.ca trusts',
    expected: { delivered: true, attempts: 1 },
    async start(auth) {
      const counting = await countingSink(auth, { starttls: true, key: LOCALHOST_KEY, cert: LOCALHOST_CERT });
      return sinkPeer(
        counting,
        () => {
          deliveredOnce(counting.sink);
          expect(counting.sink.messages[0]?.session.secure).toBe(true);
        },
        { tls: { ca: LOCALHOST_CERT } },
      );
    },
  },
  {
    name: 'a dead port',
    expected: { delivered: false, code: 'Unavailable', attempts: 3, hint: /nothing listens/ },
    async start() {
      const port = await freePort();
      return { config: { host: '127.0.0.1', port }, checkReceived: () => undefined, close: async () => undefined };
    },
  },
];
