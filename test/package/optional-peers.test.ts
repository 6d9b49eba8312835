import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * An app folder with auth-mailer installed as production installs it: its runtime dependencies,
 * and none of the optional peers `smtp-server`, `mailparser`, `bullmq`, `ioredis`, `@auth/core`,
 * `@logto/connector-kit` and `better-auth`.
 */
let app: string;
beforeAll(() => {
  app = mkdtempSync(path.join(tmpdir(), 'auth-mailer-production-'));
  const installed = path.join(app, 'node_modules', 'auth-mailer');
  mkdirSync(installed, { recursive: true });
  cpSync(path.join(root, 'package.json'), path.join(installed, 'package.json'));
  cpSync(path.join(root, 'dist'), path.join(installed, 'dist'), { recursive: true });
  for (const dependency of ['nodemailer', 'html-to-text']) {
    symlinkSync(path.join(root, 'node_modules', dependency), path.join(app, 'node_modules', dependency), 'dir');
  }
});
afterAll(() => rmSync(app, { recursive: true, force: true }));

const runInApp = (script: string): string =>
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' });

describe('a production install without the optional peers', () => {
  it('sends with the main entry and MemoryTransport', () => {
    const output = runInApp(`
      import { createMailer } from 'auth-mailer';
      import { MemoryTransport } from 'auth-mailer/testing';
      const transport = new MemoryTransport();
      const mailer = createMailer({ host: '127.0.0.1', fromEmail: 'a@example.com' }, { transport });
      await mailer.send({ to: 'b@example.com', type: 'SignIn', payload: { code: '123456' } });
      await mailer.close();
      console.log(transport.messages.length);`);
    expect(output.trim()).toBe('1');
  });

  it('says which packages to install when the SMTP sink is started', () => {
    const output = runInApp(`
      import { startSmtpSink } from 'auth-mailer/testing';
      await startSmtpSink().then(
        () => console.log('started'),
        (error) => console.log(JSON.stringify({ name: error.name, code: error.code, message: error.message, hint: error.hint })),
      );`);
    const failure = JSON.parse(output) as Record<string, string>;
    expect(failure).toMatchObject({ name: 'MailerError', code: 'InvalidConfig', hint: 'npm install --save-dev smtp-server mailparser' });
    expect(failure.message).toMatch(/^Cannot start the SMTP sink: the package `smtp-server` is not installed\./);
  });

  it('has `auth-mailer demo` say the same, and exit with failure', () => {
    const result = spawnSync(process.execPath, [path.join(app, 'node_modules', 'auth-mailer', 'dist', 'cli', 'main.js'), 'demo'], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('npm install --save-dev smtp-server mailparser');
  });

  it('says which packages to install when the Redis outbox is first used', () => {
    const output = runInApp(`
      import { createRedisOutbox } from 'auth-mailer/redis';
      const outbox = createRedisOutbox({ connection: 'redis://127.0.0.1:6379' });
      await outbox.enqueue({ to: 'b@example.com', type: 'SignIn', payload: { code: '1' } }).then(
        () => console.log('enqueued'),
        (error) => console.log(JSON.stringify({ name: error.name, code: error.code, message: error.message, hint: error.hint })),
      );`);
    const failure = JSON.parse(output) as Record<string, string>;
    expect(failure).toMatchObject({ name: 'MailerError', code: 'InvalidConfig', hint: 'npm install bullmq ioredis' });
    expect(failure.message).toMatch(/^Cannot start the Redis outbox: the package `bullmq` is not installed\./);
  });

  it('says to install @auth/core when the Auth.js provider sends its first sign-in email', () => {
    const output = runInApp(`
      import { createMailer } from 'auth-mailer';
      import { MemoryTransport } from 'auth-mailer/testing';
      import { authjsEmailProvider } from 'auth-mailer/authjs';
      const transport = new MemoryTransport();
      const provider = authjsEmailProvider(createMailer({ host: '127.0.0.1', fromEmail: 'a@example.com' }, { transport }));
      const request = new Request('https://app.example/auth/signin/email');
      await provider.sendVerificationRequest({ identifier: 'b@example.com', url: 'https://app.example/cb?token=t', expires: new Date(), token: 't', provider, theme: {}, request }).then(
        () => console.log('sent'),
        (error) => console.log(JSON.stringify({ name: error.name, code: error.code, message: error.message, hint: error.hint, sent: transport.messages.length })),
      );`);
    const failure = JSON.parse(output) as Record<string, string>;
    expect(failure).toMatchObject({ name: 'MailerError', code: 'InvalidConfig', hint: 'npm install @auth/core', sent: 0 });
    expect(failure.message).toMatch(/^Cannot start the Auth.js email provider: the package `@auth\/core` is not installed\./);
  });

  it('says which package to install when Logto creates the auth-mailer/logto connector', () => {
    const output = runInApp(`
      import { createSmtpConnector } from 'auth-mailer/logto';
      await createSmtpConnector({ getConfig: async () => ({}) }).then(
        () => console.log('created'),
        (error) => console.log(JSON.stringify({ name: error.name, code: error.code, message: error.message, hint: error.hint })),
      );`);
    const failure = JSON.parse(output) as Record<string, string>;
    expect(failure).toMatchObject({ name: 'MailerError', code: 'InvalidConfig', hint: 'npm install @logto/connector-kit' });
    expect(failure.message).toMatch(/^Cannot start the Logto connector: the package `@logto\/connector-kit` is not installed\./);
  });

  it('sends through auth-mailer/better-auth, which needs none of better-auth\'s code', () => {
    const output = runInApp(`
      import { createMailer } from 'auth-mailer';
      import { MemoryTransport } from 'auth-mailer/testing';
      import { betterAuthEmails } from 'auth-mailer/better-auth';
      const transport = new MemoryTransport();
      const mailer = createMailer({ host: '127.0.0.1', fromEmail: 'a@example.com' }, { transport });
      await betterAuthEmails(mailer).twoFactor.otpOptions.sendOTP({ user: { email: 'b@example.com' }, otp: '123456' });
      await mailer.close();
      console.log(transport.messages[0].usageType, transport.messages[0].text.includes('123456'));`);
    expect(output.trim()).toBe('MfaVerification true');
  });
});
