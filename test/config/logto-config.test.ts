import { describe, expect, it } from 'vitest';

import { parseConfig } from '../../src/config/parse-config.js';
import { createMailer } from '../../src/index.js';
import { startSmtpSink } from '../../src/testing/index.js';
import { logtoConfigFor } from '../helpers/logto-config.js';
import { issuesOf, validConfig } from './issues-of.js';

// The shape the Logto admin console stores for its SMTP connector, filled in with real-looking values.
const logtoConfig = {
  host: 'smtp.sendgrid.net',
  port: 587,
  auth: { type: 'login', user: 'apikey', pass: 'SG.kP3xv9Q2RZ-example-key.w8nT5yLmZ' },
  fromEmail: 'notice@acme.io',
  replyTo: 'support@acme.io',
  templates: [
    {
      contentType: 'text/plain',
      content: 'Your Acme sign-in verification code is {{code}}. The code will remain active for 10 minutes.',
      subject: 'Acme Sign In',
      usageType: 'SignIn',
    },
    {
      contentType: 'text/plain',
      content: 'Your Acme sign-up verification code is {{code}}. The code will remain active for 10 minutes.',
      subject: 'Acme Register',
      usageType: 'Register',
    },
    {
      contentType: 'text/html',
      content: '<p>Your password change verification code is <b>{{code}}</b>.</p>',
      subject: 'Acme Forgot Password',
      usageType: 'ForgotPassword',
    },
    {
      contentType: 'text/plain',
      content: 'Your Acme verification code is {{code}}. The code will remain active for 10 minutes.',
      subject: 'Acme Verification',
      usageType: 'Generic',
    },
  ],
  customHeaders: { 'X-Entity-Ref-ID': 'acme-auth', 'X-Tags': ['auth', 'otp'] },
  logger: false,
  debug: false,
  disableFileAccess: false,
  disableUrlAccess: false,
  name: 'auth.acme.io',
  connectionTimeout: 120_000,
  greetingTimeout: 30_000,
  socketTimeout: 600_000,
  dnsTimeout: 30_000,
  secure: false,
  tls: {},
  servername: 'smtp.sendgrid.net',
  ignoreTLS: false,
  requireTLS: true,
};

describe('a Logto SMTP connector config', () => {
  it('is accepted unchanged and resolved', () => {
    const resolved = parseConfig(structuredClone(logtoConfig));
    expect(resolved).toEqual({
      host: 'smtp.sendgrid.net',
      port: 587,
      secure: false,
      fromEmail: 'notice@acme.io',
      replyTo: 'support@acme.io',
      auth: { type: 'login', user: 'apikey', pass: 'SG.kP3xv9Q2RZ-example-key.w8nT5yLmZ' },
      customHeaders: { 'X-Entity-Ref-ID': 'acme-auth', 'X-Tags': ['auth', 'otp'] },
      templates: logtoConfig.templates,
      smtp: {
        logger: false,
        debug: false,
        disableFileAccess: false,
        disableUrlAccess: false,
        pool: true,
        name: 'auth.acme.io',
        connectionTimeout: 120_000,
        greetingTimeout: 30_000,
        socketTimeout: 600_000,
        dnsTimeout: 30_000,
        tls: {},
        servername: 'smtp.sendgrid.net',
        ignoreTLS: false,
        requireTLS: true,
      },
    });
  });

  it('does not modify the object it was given', () => {
    const input = structuredClone(logtoConfig);
    parseConfig(input);
    expect(input).toEqual(logtoConfig);
  });

  it('freezes the top level, the templates and the custom headers', () => {
    const resolved = parseConfig(structuredClone(logtoConfig));
    expect(Object.isFrozen(resolved)).toBe(true);
    expect(Object.isFrozen(resolved.templates)).toBe(true);
    expect(Object.isFrozen(resolved.templates[0])).toBe(true);
    expect(Object.isFrozen(resolved.customHeaders)).toBe(true);
  });
});

describe('an empty login, as Logto saves it for relays that authorize by source address', () => {
  // Logto's login shape has an optional user and pass: clearing the form's fields leaves one of these.
  const emptyLogins = [{}, { user: '', pass: '' }, { type: 'login', user: '', pass: '' }, { type: 'LOGIN' }];

  it.each(emptyLogins)('is the same as no auth: %j', (auth) => {
    const resolved = parseConfig({ ...validConfig(), auth });
    expect(Object.keys(resolved)).not.toContain('auth');
  });

  it('sends without logging in, to a server that offers AUTH but does not demand it', async () => {
    await using sink = await startSmtpSink();
    await using mailer = createMailer(logtoConfigFor(sink, { auth: { user: '', pass: '' } }));
    await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } });
    const [message] = await sink.waitForMessages(1);
    expect(message?.text).toContain('123456');
    expect(message?.session.user).toBeUndefined();
  });

  it('still refuses a login with only one of user and pass, or with other keys', () => {
    expect(issuesOf({ ...validConfig(), auth: { user: 'apikey', pass: '' } })).toEqual([
      { path: 'auth.pass', message: expect.stringContaining('is empty') },
    ]);
    expect(issuesOf({ ...validConfig(), auth: { user: '', pass: 'SG.secret' } })).toEqual([
      { path: 'auth.user', message: expect.stringContaining('is empty') },
    ]);
    expect(issuesOf({ ...validConfig(), auth: { user: '', pass: '', clientId: 'x' } })).toEqual([
      { path: 'auth.user', message: expect.stringContaining('is empty') },
      { path: 'auth.pass', message: expect.stringContaining('is empty') },
      { path: 'auth.clientId', message: expect.stringContaining('unknown key') },
    ]);
  });
});

describe('port and secure', () => {
  const resolve = (fields: Record<string, unknown>) => {
    const { port, secure } = parseConfig({ ...validConfig(), ...fields });
    return { port, secure };
  };

  it('takes the port as a number or a numeric string', () => {
    expect(resolve({ port: 2525 })).toEqual({ port: 2525, secure: false });
    expect(resolve({ port: '587' })).toEqual({ port: 587, secure: false });
  });

  it('defaults the port from secure', () => {
    expect(resolve({})).toEqual({ port: 587, secure: false });
    expect(resolve({ secure: false })).toEqual({ port: 587, secure: false });
    expect(resolve({ secure: true })).toEqual({ port: 465, secure: true });
  });

  it('defaults secure from the port: implicit TLS on 465 only', () => {
    expect(resolve({ port: 465 })).toEqual({ port: 465, secure: true });
    expect(resolve({ port: '465' })).toEqual({ port: 465, secure: true });
    expect(resolve({ port: 25 })).toEqual({ port: 25, secure: false });
  });

  it('keeps an explicit secure over the port default', () => {
    expect(resolve({ port: 465, secure: false })).toEqual({ port: 465, secure: false });
    expect(resolve({ port: 2465, secure: true })).toEqual({ port: 2465, secure: true });
  });
});
