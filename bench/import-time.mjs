// Import time: how much `import('auth-mailer')` adds to a bare node start, and what it loads.
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function timeNode(code) {
  const start = performance.now();
  const { status, stderr } = spawnSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8' });
  if (status !== 0) throw new Error(`node -e ${code} failed: ${stderr}`);
  return performance.now() - start;
}

/** Spawns node to time `import(specifier)` inside the process: no process start or exit in the figure. */
function timeImportInside(specifier) {
  const code = `const start = performance.now(); import(${JSON.stringify(specifier)}).then(() => console.log(performance.now() - start))`;
  const { status, stdout, stderr } = spawnSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8' });
  if (status !== 0) throw new Error(`timing import(${specifier}) failed: ${stderr}`);
  return Number(stdout);
}

const EMPTY_MODULE = `data:text/javascript,export default 0`;

// nodemailer is CommonJS, so an ESM import of it still lands in the CJS module cache.
const LOADED_NODEMAILER = "Object.keys(require('node:module')._cache).some((path) => path.includes('/node_modules/nodemailer/'))";

/**
 * Spawns `node -e 0` and `node -e "import('auth-mailer')"` (and the other imports) alternately.
 * Also times the import inside the process (`performance.now()` around `import()`), which process
 * start and exit do not blur, next to an empty module's import (the ES module loader's own start).
 *
 * @param {{ runs?: number }} [options]
 * @returns {{ times: Record<string, number[]>, inside: Record<string, number[]>, loadsNodemailer: Record<string, boolean> }}
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
  const specifiers = { "import('auth-mailer')": 'auth-mailer', 'import() of an empty ES module': EMPTY_MODULE };
  const inside = Object.fromEntries(Object.keys(specifiers).map((name) => [name, []]));
  for (let run = 0; run < runs; run += 1) {
    for (const [name, code] of Object.entries(programs)) times[name].push(timeNode(code));
    for (const [name, specifier] of Object.entries(specifiers)) inside[name].push(timeImportInside(specifier));
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
  return { times, inside, loadsNodemailer };
}
