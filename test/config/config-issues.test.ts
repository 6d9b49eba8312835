import { describe, expect, it } from 'vitest';

import { issuesOf, messageAt, rejectionOf, validConfig } from './issues-of.js';

const withTemplate = (fields: Record<string, unknown>) => ({
  ...validConfig(),
  templates: [{ usageType: 'Generic', contentType: 'text/plain', subject: 's', content: 'c', ...fields }],
});

describe('config issues', () => {
  it('rejects input that is not an object, saying what it got', () => {
    for (const [input, kind] of [
      [null, 'null'],
      [undefined, 'nothing'],
      ['{"host":"smtp.example.com"}', 'a string'],
      [[validConfig()], 'an array'],
      [587, 'a number'],
    ] as const) {
      const error = rejectionOf(input);
      expect(error.issues).toEqual([{ path: '', message: expect.stringContaining(`got ${kind}`) }]);
      expect(error.message).toMatch(/^Invalid mailer config/);
    }
    expect(rejectionOf('{}').message).toContain('JSON.parse');
  });

  it('names each missing required field (templates may be left out for the defaults)', () => {
    expect(issuesOf({}).map((issue) => issue.path)).toEqual(['host', 'fromEmail']);
    expect(messageAt({}, 'host')).toMatch(/^is required; add the SMTP server host name/);
  });

  it('locates each bad value by its path', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ port: 0 }, 'port'],
      [{ port: 65_536 }, 'port'],
      [{ port: 58.7 }, 'port'],
      [{ port: 'smtp' }, 'port'],
      [{ port: true }, 'port'],
      [{ host: '' }, 'host'],
      [{ host: 'smtp.example.com:587' }, 'host'],
      [{ host: 'smtps://smtp.example.com' }, 'host'],
      [{ fromEmail: 'no-reply' }, 'fromEmail'],
      [{ fromEmail: 'Acme <no-reply@example.com' }, 'fromEmail'],
      [{ fromEmail: 'Acme, Inc. <no-reply@example.com>' }, 'fromEmail'],
      [{ fromEmail: 'no-reply@example.com\r\nBcc: victim@example.com' }, 'fromEmail'],
      [{ replyTo: 'help@' }, 'replyTo'],
      [{ auth: { user: 'u', pass: 42 } }, 'auth.pass'],
      [{ secure: 'yes' }, 'secure'],
      [{ connectionTimeout: -1 }, 'connectionTimeout'],
      [{ maxMessages: 1.5 }, 'maxMessages'],
      [{ name: 'host\nname' }, 'name'],
      [{ tls: { rejectUnauthorized: 'no' } }, 'tls.rejectUnauthorized'],
      [{ tls: { ca: ['pem', 7] } }, 'tls.ca[1]'],
      [{ dkim: { domainName: 'example.com', keySelector: 'mail' } }, 'dkim.privateKey'],
      [{ customHeaders: { 'X-Foo': 'a\r\nBcc: victim@example.com' } }, 'customHeaders.X-Foo'],
      [{ customHeaders: { 'X-Foo': ['ok', 'b\nc'] } }, 'customHeaders.X-Foo[1]'],
      [{ customHeaders: { 'X-Foo': 3 } }, 'customHeaders.X-Foo'],
      [{ customHeaders: { 'X-Foo:': 'v' } }, 'customHeaders["X-Foo:"]'],
      [{ customHeaders: { 'X Foo': 'v' } }, 'customHeaders["X Foo"]'],
      [{ customHeaders: { 'auto-submitted': 'no' } }, 'customHeaders.auto-submitted'],
      [{ customHeaders: { 'X-Foo\r\nBcc': 'v' } }, 'customHeaders["X-Foo\\r\\nBcc"]'],
      [{ customHeaders: { 'X-Fóo': 'v' } }, 'customHeaders["X-Fóo"]'],
      [{ templates: [] }, 'templates'],
      [{ templates: {} }, 'templates'],
      [withTemplate({ contentType: 'text/markdown' }), 'templates[0].contentType'],
      [withTemplate({ usageType: '' }), 'templates[0].usageType'],
      [withTemplate({ subject: 1 }), 'templates[0].subject'],
      [withTemplate({ locale: 'en US' }), 'templates[0].locale'],
      [withTemplate({ sendFrom: 'nobody' }), 'templates[0].sendFrom'],
      [withTemplate({ replyTo: 'x@y..z' }), 'templates[0].replyTo'],
    ];
    for (const [fields, path] of cases) {
      expect(issuesOf({ ...validConfig(), ...fields }).map((issue) => issue.path), JSON.stringify(fields)).toEqual([path]);
    }
  });

  it('says what to do', () => {
    expect(messageAt({ ...validConfig(), host: 'smtp.example.com:587' }, 'host')).toContain('put the port in `port`');
    expect(messageAt(withTemplate({ contentType: 'text/HTML' }), 'templates[0].contentType')).toContain('lowercase');
    expect(messageAt(withTemplate({ locale: 'pt_BR' }), 'templates[0].locale')).toContain('`pt-BR`');
    expect(messageAt({ ...validConfig(), fromEmail: 'Acme, Inc. <a@example.com>' }, 'fromEmail')).toContain('double quotes');
    expect(messageAt({ ...validConfig(), port: 70_000 }, 'port')).toContain('from 1 to 65535');
    expect(messageAt({ ...validConfig(), secure: 'yes' }, 'secure')).toBe('must be `true` or `false`; got a string');
    expect(messageAt(withTemplate({ subject: 1 }), 'templates[0].subject')).toBe('must be a string; got a number');
  });

  it('reports every problem at once and lists them one per line', () => {
    const error = rejectionOf({
      host: 42,
      port: 'abc',
      fromEmail: 'nobody',
      auth: { user: 'u', pass: 'p', prot: 1 },
      templates: [{ usageType: 'Generic', contentType: 'text/rtf', subject: 's', content: 'c' }],
      sekure: true,
    });
    const paths = ['host', 'port', 'fromEmail', 'templates[0].contentType', 'auth.prot', 'sekure'];
    expect(error.issues?.map((issue) => issue.path)).toEqual(paths);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('Invalid mailer config (6 problems):');
    expect(lines.slice(1, -1).map((line) => line.split(':')[0])).toEqual(paths.map((path) => `  - ${path}`));
    expect(lines.at(-1)).toMatch(/^Fix the fields listed above/);
  });

  it('accepts an address in angle brackets and names with quotes', () => {
    expect(issuesOf({ ...validConfig(), fromEmail: '"Acme, Inc." <no-reply@example.com>', port: 0 })).toHaveLength(1);
    expect(issuesOf({ ...validConfig(), fromEmail: '<no-reply@example.com>', port: 0 })).toHaveLength(1);
  });
});

describe('unknown keys', () => {
  it('names the key and suggests the nearest known one', () => {
    expect(messageAt({ ...validConfig(), prot: 25 }, 'prot')).toBe('unknown key `prot`; did you mean `port`?');
    expect(messageAt({ ...validConfig(), fromemail: 'a@example.com' }, 'fromemail')).toContain('did you mean `fromEmail`?');
    expect(messageAt({ ...validConfig(), auth: { user: 'u', password: 'p' } }, 'auth.password')).toContain('did you mean `pass`?');
    expect(messageAt(withTemplate({ contenttype: 'x' }), 'templates[0].contenttype')).toContain('did you mean `contentType`?');
    const dkim = { domainName: 'example.com', keySelector: 'mail', privateKey: 'k', selector: 'x' };
    expect(messageAt({ ...validConfig(), dkim }, 'dkim.selector')).toContain('did you mean `keySelector`?');
  });

  it('reports each unknown key, and without a close match says to remove it', () => {
    const issues = issuesOf({ ...validConfig(), zzz: 1, qqq: 2 });
    expect(issues.map((issue) => issue.path)).toEqual(['zzz', 'qqq']);
    expect(issues[0]?.message).toMatch(/^unknown key `zzz`; remove it/);
    expect(messageAt({ ...validConfig(), auth: { user: 'u', pass: 'p', zzz: 1 } }, 'auth.zzz')).toContain(
      'allowed here: `type`, `user`, `pass`',
    );
  });
});

describe('placeholders left from the Logto form', () => {
  it('are reported with what to put instead', () => {
    const issues = issuesOf({
      ...validConfig(),
      host: '<host>',
      auth: { type: 'login', user: '<username>', pass: '<password>' },
      fromEmail: '<from_email_address@your.domain>',
      name: '<Logto-SMTP>',
    });
    expect(issues).toEqual([
      { path: 'host', message: expect.stringMatching(/^still holds the placeholder `<host>`; replace it with the SMTP server host name/) },
      { path: 'fromEmail', message: expect.stringMatching(/^still holds the placeholder `<from_email_address@your\.domain>`; replace it/) },
      { path: 'auth.user', message: expect.stringMatching(/^still holds the placeholder `<username>`/) },
      { path: 'auth.pass', message: 'still holds a placeholder in angle brackets; replace it with the SMTP password (or app password)' },
      { path: 'name', message: expect.stringMatching(/^still holds the placeholder `<Logto-SMTP>`/) },
    ]);
  });
});

describe('duplicate templates', () => {
  const template = (usageType: string, locale?: string) => ({
    usageType,
    contentType: 'text/plain',
    subject: 's',
    content: 'c',
    ...(locale === undefined ? {} : { locale }),
  });

  it('are reported at the second one, naming the first', () => {
    const templates = [template('SignIn', 'en'), template('Generic'), template('SignIn'), template('SignIn', 'EN')];
    expect(issuesOf({ ...validConfig(), templates })).toEqual([
      { path: 'templates[3]', message: expect.stringMatching(/^has the same usageType and locale as templates\[0\]/) },
    ]);
    expect(issuesOf({ ...validConfig(), templates: [template('Generic'), template('Generic'), template('Generic', 'fr')] })).toEqual([
      { path: 'templates[1]', message: expect.stringContaining('templates[0]') },
    ]);
  });

  it('are reported alongside other template problems', () => {
    const templates = [template('SignIn'), { ...template('Generic'), contentType: 'html' }, template('SignIn')];
    expect(issuesOf({ ...validConfig(), templates }).map((issue) => issue.path)).toEqual([
      'templates[1].contentType',
      'templates[2]',
    ]);
  });
});
