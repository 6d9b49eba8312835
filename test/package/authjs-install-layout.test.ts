import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const modules = path.join(root, 'node_modules');

/**
 * An Auth.js app laid out as a strict package manager lays it out (pnpm with `hoist=false`, Yarn
 * PnP): @auth/core lists nodemailer only as an optional peer (`^7`), so none is installed for it,
 * and auth-mailer's nodemailer 10 sits under auth-mailer where only auth-mailer sees it. (pnpm's
 * default hidden hoisting lends @auth/core that nodemailer 10; npm installs a second nodemailer 7
 * for it, or stops with ERESOLVE when the app itself depends on nodemailer 9 or later.)
 * @auth/core is copied, not linked: Node resolves a linked package's imports from its real folder,
 * which has a nodemailer.
 */
let app: string;
beforeAll(() => {
  app = mkdtempSync(path.join(tmpdir(), 'auth-mailer-authjs-'));
  const installed = path.join(app, 'node_modules');
  const link = (name: string, into = installed): void => {
    mkdirSync(path.dirname(path.join(into, name)), { recursive: true });
    symlinkSync(path.join(modules, name), path.join(into, name), 'dir');
  };
  cpSync(path.join(modules, '@auth', 'core'), path.join(installed, '@auth', 'core'), {
    recursive: true,
    filter: (source) => !source.endsWith('.map') && !source.endsWith(`${path.sep}src`),
  });
  for (const name of ['jose', 'oauth4webapi', '@panva/hkdf', 'preact', 'preact-render-to-string', '@auth/unstorage-adapter', 'unstorage']) link(name);
  const mailer = path.join(installed, 'auth-mailer');
  mkdirSync(mailer, { recursive: true });
  cpSync(path.join(root, 'package.json'), path.join(mailer, 'package.json'));
  cpSync(path.join(root, 'dist'), path.join(mailer, 'dist'), { recursive: true });
  for (const name of ['nodemailer', 'html-to-text']) link(name, path.join(mailer, 'node_modules'));
});
afterAll(() => rmSync(app, { recursive: true, force: true }));

describe('an Auth.js app whose only nodemailer is auth-mailer\'s own (nested)', () => {
  it('cannot load Auth.js\'s Nodemailer provider, and signs in through authjsEmailProvider', () => {
    const output = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { Auth, skipCSRFCheck } from '@auth/core';
         import { UnstorageAdapter } from '@auth/unstorage-adapter';
         import { createStorage } from 'unstorage';
         import memoryDriver from 'unstorage/drivers/memory';
         import { createMailer } from 'auth-mailer';
         import { MemoryTransport } from 'auth-mailer/testing';
         import { authjsEmailProvider } from 'auth-mailer/authjs';

         const nodemailerProvider = await import('@auth/core/providers/nodemailer').then(() => 'loaded', (error) => error.code + ': ' + error.message);
         const transport = new MemoryTransport();
         const mailer = createMailer({ host: '127.0.0.1', fromEmail: 'auth@app.example',
           templates: [{ usageType: 'MagicLink', contentType: 'text/plain', subject: 'Sign in to {{host}}', content: '{{{link}}}' }] }, { transport });
         const request = new Request('http://localhost:3000/auth/signin/email', { method: 'POST',
           headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email: 'ada@example.com', callbackUrl: '/' }) });
         const response = await Auth(request, { providers: [authjsEmailProvider(mailer)], adapter: UnstorageAdapter(createStorage({ driver: memoryDriver() })),
           secret: 'a-secret-of-at-least-thirty-two-characters', trustHost: true, skipCSRFCheck });
         await mailer.close();
         console.log(JSON.stringify({ authCore: import.meta.resolve('@auth/core'), nodemailerProvider, location: response.headers.get('location'),
           sent: transport.messages.map((message) => [message.to, message.subject]) }));`,
      ],
      { cwd: app, encoding: 'utf8' },
    );
    const result = JSON.parse(output) as { authCore: string; nodemailerProvider: string; location: string; sent: string[][] };
    expect(fileURLToPath(result.authCore).startsWith(app)).toBe(true);
    expect(result.nodemailerProvider).toMatch(/^ERR_MODULE_NOT_FOUND: Cannot find package 'nodemailer' imported from .*@auth\/core\/providers\/nodemailer\.js/);
    expect(result.location).toBe('http://localhost:3000/auth/verify-request?provider=email&type=email');
    expect(result.sent).toEqual([['ada@example.com', 'Sign in to localhost:3000']]);
  });
});
