import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a script in a fresh Node process from the package root, as a user's app would load us. */
function runNode(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
}

describe('the built package', () => {
  it('has been built (npm test builds it first)', () => {
    expect(existsSync(`${root}/dist/index.js`), 'run `npm run build` first').toBe(true);
  });

  it('loads through import, every entry', () => {
    const output = runNode([
      '--input-type=module',
      '-e',
      `import { createMailer, isMailerError, MailerError } from 'auth-mailer';
       import { MemoryTransport, startSmtpSink } from 'auth-mailer/testing';
       import { createRedisOutbox } from 'auth-mailer/redis';
       import { createSmtpConnector } from 'auth-mailer/logto';
       console.log(typeof createMailer, typeof isMailerError, typeof MailerError, typeof MemoryTransport, typeof startSmtpSink, typeof createRedisOutbox, typeof createSmtpConnector);`,
    ]);
    expect(output.trim()).toBe('function function function function function function function');
  });

  it('loads through require, every entry', () => {
    const output = runNode([
      '-e',
      `const { createMailer, isMailerError } = require('auth-mailer');
       const { MemoryTransport } = require('auth-mailer/testing');
       const { createRedisRateLimitStore } = require('auth-mailer/redis');
       const { createSmtpConnector } = require('auth-mailer/logto');
       console.log(typeof createMailer, typeof isMailerError, typeof MemoryTransport, typeof createRedisRateLimitStore, typeof createSmtpConnector);`,
    ]);
    expect(output.trim()).toBe('function function function function function');
  });

  it('serves auth-mailer/links through import and require, without loading nodemailer', () => {
    const page = `const handler = createLinkConfirmHandler({ consume: () => false });
       handler(new Request('https://app.example/l?token=t')).then((response) => console.log(typeof createLinkConfirmHandler, response.status));`;
    const imported = runNode([...forbid('nodemailer'), '--input-type=module', '-e', `import { createLinkConfirmHandler } from 'auth-mailer/links';\n${page}`]);
    const required = runNode(['-e', `const { createLinkConfirmHandler } = require('auth-mailer/links');\n${page}`]);
    expect([imported.trim(), required.trim()]).toEqual(['function 200', 'function 200']);
  });

  it('builds a template with layoutTemplate from auth-mailer/templates, in both module systems', () => {
    const use = `const template = layoutTemplate({ usageType: 'Welcome', subject: 'Hi {{name}}', body: [{ kind: 'paragraph', text: 'Hello {{name}}.' }] });
       const mailer = createMailer({ host: '127.0.0.1', fromEmail: 'a@example.com', templates: [template] }, { transport: new MemoryTransport() });
       let refused;
       try { layoutTemplate({ usageType: 'Welcome', body: 'x' }); } catch (error) { refused = error; }
       mailer.render({ type: 'Welcome', payload: { name: '<Ada>' } }).then((message) =>
         console.log(message.html.includes('>Hello &lt;Ada&gt;.</p>'), message.text.includes('Hello <Ada>.'), refused instanceof MailerError, refused.code));`;
    const imported = runNode([
      '--input-type=module',
      '-e',
      `import { createMailer, MailerError } from 'auth-mailer';
       import { MemoryTransport } from 'auth-mailer/testing';
       import { layoutTemplate } from 'auth-mailer/templates';
       ${use}`,
    ]);
    const required = runNode([
      '-e',
      `const { createMailer, MailerError } = require('auth-mailer');
       const { MemoryTransport } = require('auth-mailer/testing');
       const { layoutTemplate } = require('auth-mailer/templates');
       ${use}`,
    ]);
    expect([imported.trim(), required.trim()]).toEqual(['true true true InvalidConfig', 'true true true InvalidConfig']);
  });

  it('throws the main entry\'s MailerError from the side entries, in both module systems', () => {
    const esm = runNode([
      '--input-type=module',
      '-e',
      `import { MailerError } from 'auth-mailer';
       import { MemoryTransport } from 'auth-mailer/testing';
       const transport = new MemoryTransport();
       await transport.close();
       const message = { from: 'a@example.com', to: 'b@example.com', subject: 's', text: 't', usageType: 'SignIn' };
       const error = await transport.send(message, { signal: new AbortController().signal }).catch((caught) => caught);
       console.log(error instanceof MailerError, error.code);`,
    ]);
    expect(esm.trim()).toBe('true Closed');
    const cjs = runNode([
      '-e',
      `const { MailerError } = require('auth-mailer');
       const { MemoryTransport } = require('auth-mailer/testing');
       const transport = new MemoryTransport();
       const message = { from: 'a@example.com', to: 'b@example.com', subject: 's', text: 't', usageType: 'SignIn' };
       transport.close()
         .then(() => transport.send(message, { signal: new AbortController().signal }))
         .catch((error) => console.log(error instanceof MailerError, error.code));`,
    ]);
    expect(cjs.trim()).toBe('true Closed');
  });

  it('recognises an error from the CJS copy in the ESM copy', () => {
    const output = runNode([
      '--input-type=module',
      '-e',
      `import { createRequire } from 'node:module';
       import { isMailerError, MailerError } from 'auth-mailer';
       const cjs = createRequire(process.cwd() + '/')('auth-mailer');
       const error = new cjs.MailerError('Closed', 'x');
       console.log(error instanceof MailerError, isMailerError(error), cjs.isMailerError(new MailerError('Closed', 'y')));`,
    ]);
    expect(output.trim()).toBe('false true true');
  });

  // A module hook that makes importing a package fail: whatever works under it never loaded the package.
  const forbid = (name: string) => [
    '--import',
    `data:text/javascript,import { register } from 'node:module';
     register('data:text/javascript,export async function resolve(specifier, context, next) {
       if (specifier === "${name}") throw new Error("${name} was loaded");
       return next(specifier, context);
     }');`,
  ];
  const forbidNodemailer = forbid('nodemailer');
  const sendOnce = (transport: string) => `
    import { createMailer } from 'auth-mailer';
    import { MemoryTransport } from 'auth-mailer/testing';
    const transport = ${transport};
    const mailer = createMailer({ host: '127.0.0.1', port: 9, fromEmail: 'a@example.com',
      templates: [{ usageType: 'SignIn', contentType: 'text/plain', subject: 's', content: '{{code}}' }] },
      { transport, retry: { attempts: 1 } });
    const outcome = await mailer.send({ to: 'b@example.com', type: 'SignIn', payload: { code: 7 } })
      .then(() => 'sent', (error) => error.message);
    await mailer.close();
    console.log(outcome);`;

  it('sends through MemoryTransport without loading nodemailer', () => {
    const output = runNode([...forbidNodemailer, '--input-type=module', '-e', sendOnce('new MemoryTransport()')]);
    expect(output.trim()).toBe('sent');
  });

  it('loads nodemailer once the SMTP transport is used (the check above can fail)', () => {
    const output = runNode([...forbidNodemailer, '--input-type=module', '-e', sendOnce('undefined')]);
    expect(output).toContain('nodemailer was loaded');
  });

  // html-to-text only writes the text part of HTML templates without one, so it loads on first need.
  const forbidHtmlToText = forbid('html-to-text');
  const sendHtml = (text: string) => `
    import { createMailer } from 'auth-mailer';
    import { MemoryTransport } from 'auth-mailer/testing';
    const transport = new MemoryTransport();
    const mailer = createMailer({ host: '127.0.0.1', fromEmail: 'a@example.com',
      templates: [{ usageType: 'SignIn', contentType: 'text/html', subject: 's', content: '<p>{{code}}</p>'${text} }] },
      { transport });
    const outcome = await mailer.send({ to: 'b@example.com', type: 'SignIn', payload: { code: 7 } })
      .then(() => JSON.stringify(transport.messages[0].text), (error) => error.message);
    await mailer.close();
    console.log(outcome);`;

  it('imports and creates a mailer with HTML templates without loading html-to-text', () => {
    const output = runNode([
      ...forbidHtmlToText,
      '--input-type=module',
      '-e',
      `import { createMailer } from 'auth-mailer';
       import { defaultTemplates } from 'auth-mailer/templates';
       createMailer({ host: '127.0.0.1', fromEmail: 'a@example.com', templates: [
         { usageType: 'Welcome', contentType: 'text/html', subject: 's', content: '<p>{{code}}</p>' }, ...defaultTemplates] });
       console.log('created');`,
    ]);
    expect(output.trim()).toBe('created');
  });

  it('sends an HTML template with a text part, and the built-in templates, without loading html-to-text', () => {
    expect(runNode([...forbidHtmlToText, '--input-type=module', '-e', sendHtml(", text: 'Code {{code}}'")]).trim()).toBe('"Code 7"');
    const builtIn = sendOnce('new MemoryTransport()').replace(/,\s*templates: \[[^\]]*\]/, '');
    expect(builtIn).not.toContain('templates');
    expect(runNode([...forbidHtmlToText, '--input-type=module', '-e', builtIn]).trim()).toBe('sent');
  });

  it('loads html-to-text once an HTML template without text is sent (the checks above can fail)', () => {
    expect(runNode(['--input-type=module', '-e', sendHtml('')]).trim()).toBe('"7"');
    expect(runNode([...forbidHtmlToText, '--input-type=module', '-e', sendHtml('')])).toContain('Cannot load html-to-text');
  });

  // @logto/connector-kit is the optional peer of auth-mailer/logto: loaded when Logto first creates the connector.
  const logtoEntry = (create: string) => `
    import { createMailer } from 'auth-mailer';
    import { CONNECTOR_METADATA, LOGTO_VARIABLES, createSmtpConnector } from 'auth-mailer/logto';
    console.log(typeof createMailer, typeof createSmtpConnector, CONNECTOR_METADATA.id, LOGTO_VARIABLES.framework);
    ${create}`;
  const createConnector = `
    try {
      const connector = await createSmtpConnector({ getConfig: async () => ({ host: '127.0.0.1' }) });
      const error = await connector.sendMessage({ to: 'b@example.com', type: 'SignIn', payload: { code: '1' } }).catch((caught) => caught);
      const { ConnectorError } = await import('@logto/connector-kit');
      console.log(connector.type, error instanceof ConnectorError, error.code, error.data.code);
    } catch (error) {
      console.log(error.message);
    }`;

  it('loads auth-mailer/logto, and the main entry, without loading @logto/connector-kit', () => {
    const output = runNode([...forbid('@logto/connector-kit'), '--input-type=module', '-e', logtoEntry('')]);
    expect(output.trim()).toBe('function function simple-mail-transfer-protocol logto');
  });

  it("loads @logto/connector-kit when Logto creates the connector, and throws Logto's own ConnectorError (the check above can fail)", () => {
    expect(runNode([...forbid('@logto/connector-kit'), '--input-type=module', '-e', logtoEntry(createConnector)])).toContain('@logto/connector-kit was loaded');
    expect(runNode(['--input-type=module', '-e', logtoEntry(createConnector)]).trim().split('\n').at(-1)).toBe('Email true invalid_config InvalidConfig');
  });

  it('serves auth-mailer/logto through require, loading the ESM-only connector-kit when the connector is created', () => {
    const output = runNode([
      '-e',
      `const { createSmtpConnector } = require('auth-mailer/logto');
       createSmtpConnector({ getConfig: async () => ({}) }).then((connector) => console.log(connector.type, connector.metadata.target));`,
    ]);
    expect(output.trim()).toBe('Email smtp');
  });

  // better-auth is an optional peer of auth-mailer/better-auth, whose callbacks need none of its code.
  const betterAuthEntry = (load: string) => `
    ${load}
    const transport = new MemoryTransport();
    const mailer = createMailer({ host: '127.0.0.1', fromEmail: 'a@example.com', templates: [
      { usageType: 'MagicLink', contentType: 'text/plain', subject: 's', content: '{{link}}' },
      { usageType: 'MagicLink', locale: 'fr', contentType: 'text/plain', subject: 's', content: 'fr {{link}}' }] }, { transport });
    const emails = betterAuthEmails(mailer);
    const request = new Request('https://app.example/', { headers: { 'accept-language': 'fr' } });
    Promise.resolve(emails.magicLink.sendMagicLink({ email: 'b@example.com', url: 'https://app.example/l?token=t', token: 't' }, { request }))
      .then(() => console.log(typeof betterAuthEmails, BETTER_AUTH_VARIABLES.framework, transport.messages[0].text))
      .then(() => mailer.close());`;

  it('serves auth-mailer/better-auth through import and require, without loading better-auth', () => {
    const imported = runNode([
      ...forbid('better-auth'),
      '--input-type=module',
      '-e',
      betterAuthEntry(`import { createMailer } from 'auth-mailer';
       import { MemoryTransport } from 'auth-mailer/testing';
       import { betterAuthEmails, BETTER_AUTH_VARIABLES } from 'auth-mailer/better-auth';`),
    ]);
    const required = runNode([
      '-e',
      betterAuthEntry(`const { createMailer } = require('auth-mailer');
       const { MemoryTransport } = require('auth-mailer/testing');
       const { betterAuthEmails, BETTER_AUTH_VARIABLES } = require('auth-mailer/better-auth');`),
    ]);
    expect([imported.trim(), required.trim()]).toEqual([
      'function better-auth fr https://app.example/l?token=t',
      'function better-auth fr https://app.example/l?token=t',
    ]);
  });

  // bullmq and ioredis are optional peers of auth-mailer/redis: loaded by the outbox's first enqueue or work.
  const redisEntry = (use: string) => `
    import { createMailer } from 'auth-mailer';
    import { MemoryTransport } from 'auth-mailer/testing';
    import { createRedisOutbox, createRedisRateLimitStore } from 'auth-mailer/redis';
    const transport = new MemoryTransport();
    const mailer = createMailer({ host: '127.0.0.1', fromEmail: 'a@example.com' }, { transport });
    await mailer.send({ to: 'b@example.com', type: 'SignIn', payload: { code: 7 } });
    createRedisRateLimitStore({ redis: { eval: async () => [1, 0, 0], evalsha: async () => [1, 0, 0] } });
    const outbox = createRedisOutbox({ connection: 'redis://127.0.0.1:9', mailer, enqueueTimeout: 200 });
    ${use}
    await outbox.close();
    await mailer.close();
    console.log(transport.messages.length, 'sent');`;

  it.each(['bullmq', 'ioredis'])('sends, and creates the Redis store and outbox, without loading %s', (name) => {
    expect(runNode([...forbid(name), '--input-type=module', '-e', redisEntry('')]).trim()).toBe('1 sent');
  });

  it.each(['bullmq', 'ioredis'])('loads %s at the first enqueue (the check above can fail)', (name) => {
    const enqueue = "await outbox.enqueue({ to: 'b@example.com', type: 'SignIn' }).catch((error) => console.log(error.message));";
    expect(runNode([...forbid(name), '--input-type=module', '-e', redisEntry(enqueue)])).toContain(`${name} was loaded`);
  });

  // @auth/core is an optional peer of auth-mailer/authjs: loaded by the first sign-in email, never by an import.
  const authjsSend = `
    const transport = new MemoryTransport();
    const mailer = createMailer({ host: '127.0.0.1', fromEmail: 'a@example.com',
      templates: [{ usageType: 'MagicLink', contentType: 'text/plain', subject: '{{host}} {{locale}}', content: '{{{link}}}' }] }, { transport });
    const provider = authjsEmailProvider(mailer);
    const url = 'https://app.example/auth/callback/email?token=t';
    const request = new Request('https://app.example/auth/signin/email', { headers: { 'accept-language': 'de' } });
    const send = () => provider.sendVerificationRequest({ identifier: 'b@example.com', url, expires: new Date(Date.now() + 6e5), token: 't', provider, theme: {}, request });
    const sent = await send().then(() => transport.messages[0].subject, (error) => error.message);
    await mailer.close();
    const failed = await send().then(() => 'sent', (error) => [error.type, mailerErrorOf(error)?.code].join(' '));
    console.log(provider.type, sent, '|', failed);`;

  it('serves auth-mailer/authjs through import and require; the main entry and the import never load @auth/core', () => {
    const imported = runNode([
      ...forbid('@auth/core/errors'),
      '--input-type=module',
      '-e',
      `import { createMailer } from 'auth-mailer';
       import { authjsEmailProvider, AUTHJS_VARIABLES } from 'auth-mailer/authjs';
       createMailer({ host: '127.0.0.1', fromEmail: 'a@example.com' });
       console.log(authjsEmailProvider({}).type, AUTHJS_VARIABLES.framework);`,
    ]);
    const required = runNode([
      '-e',
      `const { createMailer } = require('auth-mailer');
       const { MemoryTransport } = require('auth-mailer/testing');
       const { authjsEmailProvider, mailerErrorOf } = require('auth-mailer/authjs');
       (async () => { ${authjsSend} })();`,
    ]);
    expect([imported.trim(), required.trim()]).toEqual(['email authjs', 'email app.example de | EmailSignInError Closed']);
  });

  it('loads @auth/core at the first sign-in email (the check above can fail)', () => {
    const output = runNode([
      ...forbid('@auth/core/errors'),
      '--input-type=module',
      '-e',
      `import { createMailer } from 'auth-mailer';
       import { MemoryTransport } from 'auth-mailer/testing';
       import { authjsEmailProvider, mailerErrorOf } from 'auth-mailer/authjs';
       ${authjsSend}`,
    ]);
    expect(output).toContain('@auth/core/errors was loaded');
  });
});
