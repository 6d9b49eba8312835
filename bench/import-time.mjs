// Import time: how much `import('auth-mailer')` adds to a bare node start, and what it loads.
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { median } from './stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function timeNode(code) {
  const start = performance.now();
  const { status, stderr } = spawnSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8' });
  if (status !== 0) throw new Error(`node -e ${code} failed: ${stderr}`);
  return performance.now() - start;
}

// nodemailer is CommonJS, so an ESM import of it still lands in the CJS module cache.
const LOADED_NODEMAILER = "Object.keys(require('node:module')._cache).some((path) => path.includes('/node_modules/nodemailer/'))";

/**
 * Spawns `node -e 0` and `node -e "import('auth-mailer')"` (and the other imports) alternately.
 *
 * @param {{ runs?: number }} [options]
 * @returns {{ times: Record<string, number[]>, loadsNodemailer: Record<string, boolean> }}
 */
export function measureImport({ runs = 15 } = {}) {
  const programs = {
    'node -e 0': '0',
    "import('auth-mailer')": "import('auth-mailer')",
    "import('auth-mailer') + createMailer(MemoryTransport)": `Promise.all([import('auth-mailer'), import('auth-mailer/testing')]).then(([{ createMailer }, { MemoryTransport }]) => createMailer({ host: 'localhost', fromEmail: 'a@example.com' }, { transport: new MemoryTransport() }))`,
    "import('nodemailer')": "import('nodemailer')",
  };
  const times = Object.fromEntries(Object.keys(programs).map((name) => [name, []]));
  for (const code of Object.values(programs)) timeNode(code);
  for (let run = 0; run < runs; run += 1) {
    for (const [name, code] of Object.entries(programs)) times[name].push(timeNode(code));
  }
  const check = (code) =>
    spawnSync(process.execPath, ['-e', `${code}.then(() => console.log(${LOADED_NODEMAILER}))`], { cwd: root, encoding: 'utf8' })
      .stdout.trim() === 'true';
  const loadsNodemailer = {
    "import('auth-mailer')": check("import('auth-mailer')"),
    'a MemoryTransport mailer that sends': check(
      `Promise.all([import('auth-mailer'), import('auth-mailer/testing')]).then(([{ createMailer }, { MemoryTransport }]) => createMailer({ host: 'localhost', fromEmail: 'a@example.com' }, { transport: new MemoryTransport() }).send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } }))`,
    ),
  };
  return { times, loadsNodemailer, median };
}
