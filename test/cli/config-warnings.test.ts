import { describe, expect, it } from 'vitest';
import { configWarnings } from '../../src/cli/config-warnings.js';
import { baseConfig } from './run-cli-helper.js';

const paths = (config: unknown): string[] => configWarnings(config).map((warning) => warning.path);

describe('configWarnings', () => {
  it('finds nothing in a clean config', () => {
    expect(configWarnings(baseConfig())).toEqual([]);
  });

  it('warns when templates are listed without a Generic one, saying the built-ins serve the rest', () => {
    const config = baseConfig();
    config.templates = (config.templates as { usageType: string }[]).filter((template) => template.usageType !== 'Generic');
    expect(configWarnings(config)).toEqual([
      { path: 'templates', message: expect.stringContaining('no `Generic` template: usage types without a template of yours are sent with the built-in templates') },
    ]);
  });

  it('does not ask for a Generic template when the config leaves templates out', () => {
    const config = baseConfig();
    delete config.templates;
    expect(configWarnings(config)).toEqual([]);
  });

  it('warns about an HTML template without a text part, naming it', () => {
    const config = baseConfig({
      templates: [
        { usageType: 'Generic', contentType: 'text/plain', subject: 's', content: 'c' },
        { usageType: 'SignIn', locale: 'ja', contentType: 'text/html', subject: 's', content: '<p>{{code}}</p>' },
      ],
    });
    expect(configWarnings(config)).toEqual([{ path: 'templates[1]', message: expect.stringContaining('(SignIn, ja) is HTML without a `text` part') }]);
  });

  it('warns about <...> placeholders, repeating the value only outside secret fields', () => {
    const warnings = configWarnings(
      baseConfig({ host: '<host>', auth: { user: 'me', pass: '<password>' }, fromEmail: 'Acme <no-reply@acme.example>' }),
    );
    expect(warnings.map((warning) => warning.path)).toEqual(['host', 'auth.pass']);
    expect(warnings[0]?.message).toContain('"<host>"');
    expect(JSON.stringify(warnings)).not.toContain('<password>');
  });

  it('does not take HTML content or a bracketed address for a placeholder', () => {
    expect(paths(baseConfig({ fromEmail: '<no-reply@acme.example>' }))).toEqual([]);
    expect(paths(baseConfig({ fromEmail: '<from_email_address@your.domain>' }))).toContain('fromEmail');
  });

  it.each([
    [465, false, 'set secure: true'],
    ['465', false, 'set secure: true'],
    [587, true, 'set secure: false'],
    [25, true, 'set secure: false'],
  ])('warns when secure contradicts the port (%s, secure %s)', (port, secure, advice) => {
    expect(configWarnings(baseConfig({ port, secure }))).toEqual([{ path: 'secure', message: expect.stringContaining(advice) }]);
  });

  it('accepts secure matching the port', () => {
    expect(paths(baseConfig({ port: 465, secure: true }))).toEqual([]);
    expect(paths(baseConfig({ port: 587, secure: false }))).toEqual([]);
  });

  it.each([
    ['ignoreTLS', { ignoreTLS: true }, 'the credentials cross the network unencrypted'],
    ['requireTLS', { requireTLS: false }, 'a network that strips it, gets the credentials unencrypted'],
  ])('warns when %s lets credentials travel in clear text to a host other than localhost', (path, options, words) => {
    const auth = { user: 'me', pass: 'Secret-pass-1' };
    const warnings = configWarnings(baseConfig({ host: 'smtp.acme.example', auth, ...options }));
    expect(warnings).toEqual([{ path, message: expect.stringContaining(words) }]);
    expect(JSON.stringify(warnings)).not.toContain(auth.pass);
    expect(paths(baseConfig({ host: '127.0.0.2', auth, ...options }))).toEqual([path]);
  });

  it('does not warn about clear text without auth, with implicit TLS, or to localhost, 127.0.0.1 or ::1', () => {
    const auth = { user: 'me', pass: 'Secret-pass-1' };
    for (const options of [{ ignoreTLS: true }, { requireTLS: false }]) {
      expect(paths(baseConfig({ host: 'smtp.acme.example', ...options }))).toEqual([]);
      expect(paths(baseConfig({ host: 'smtp.acme.example', port: 465, auth, ...options }))).toEqual([]);
      for (const host of ['localhost', '127.0.0.1', '::1']) expect(paths(baseConfig({ host, auth, ...options }))).toEqual([]);
    }
    expect(paths(baseConfig({ host: 'smtp.acme.example', auth, requireTLS: true }))).toEqual([]);
  });

  it('warns about a sender without a real domain, in fromEmail and sendFrom', () => {
    expect(configWarnings(baseConfig({ fromEmail: 'no-reply' }))).toEqual([{ path: 'fromEmail', message: expect.stringContaining('has no domain') }]);
    expect(configWarnings(baseConfig({ fromEmail: 'Acme <no-reply@localhost>' }))).toEqual([
      { path: 'fromEmail', message: expect.stringContaining('"localhost"') },
    ]);
    const config = baseConfig();
    (config.templates as Record<string, unknown>[])[0]!.sendFrom = 'root@server';
    expect(paths(config)).toEqual(['templates[0].sendFrom']);
  });

  it.each([{}, { user: '', pass: '' }, { type: 'LOGIN', user: '', pass: '' }])(
    'warns that an empty login (%j) sends without logging in',
    (auth) => {
      expect(configWarnings(baseConfig({ auth }))).toEqual([
        { path: 'auth', message: expect.stringContaining('has neither user nor pass: the mailer will send without logging in') },
      ]);
    },
  );

  it('does not take a half-filled login or a full one for an empty login', () => {
    expect(paths(baseConfig({ auth: { user: 'apikey', pass: '' } }))).toEqual([]);
    expect(paths(baseConfig({ auth: { user: 'apikey', pass: 'SG.secret' } }))).toEqual([]);
  });

  it('tolerates configs of any shape', () => {
    expect(configWarnings('nope')).toEqual([]);
    expect(paths({ templates: 'x' })).toEqual([]);
    expect(paths({ templates: [] })).toEqual([]);
  });

  it('warns about a certificate left unchecked while credentials are sent, except to localhost', () => {
    const unchecked = { auth: { user: 'me', pass: 'pw' }, tls: { rejectUnauthorized: false } };
    expect(configWarnings(baseConfig({ host: 'smtp.acme.example', ...unchecked }))).toEqual([
      { path: 'tls.rejectUnauthorized', message: expect.stringContaining('anyone on the way can pose as the server') },
    ]);
    expect(paths(baseConfig({ host: '127.0.0.1', ...unchecked }))).toEqual([]);
    expect(paths(baseConfig({ host: 'smtp.acme.example', tls: { rejectUnauthorized: false } }))).toEqual([]);
  });

  it("warns about a sender holding Logto's {{...}}, which is sent as written", () => {
    expect(configWarnings(baseConfig({ fromEmail: '{{applicationName}} <no-reply@acme.example>' }))).toEqual([
      { path: 'fromEmail', message: expect.stringContaining('sends as written') },
    ]);
  });

  describe('an OrganizationInvitation template that shows a code Logto never sends', () => {
    const generic = { usageType: 'Generic', contentType: 'text/plain', subject: 's', content: 'Code {{code}}' };
    const invitation = (fields: Record<string, unknown>) =>
      baseConfig({ templates: [generic, { usageType: 'OrganizationInvitation', contentType: 'text/plain', subject: 'Invitation', ...fields }] });

    it("warns about Logto's own default ({{code}} and no {{link}}), naming the template and the fix", () => {
      const content = 'Your Logto organization invitation code is {{code}}. The code will remain active for 10 minutes.';
      expect(configWarnings(invitation({ content }))).toEqual([
        { path: 'templates[1]', message: expect.stringContaining('(OrganizationInvitation) uses {{code}} but not {{link}}') },
      ]);
      expect(configWarnings(invitation({ content }))[0]?.message).toContain('{{link}}"');
    });

    it.each([
      ['in the subject', { subject: 'Code {{ code }}', content: 'Welcome' }],
      ['as a triple mustache', { content: '{{{code}}}' }],
      ['in an HTML template\'s text part', { contentType: 'text/html', content: '<p>Welcome</p>', text: 'Code {{code}}' }],
    ])('finds the code %s', (_where, fields) => {
      expect(paths(invitation(fields))).toEqual(['templates[1]']);
    });

    it('accepts an invitation that shows the link, with or without the code, and other types that show a code', () => {
      expect(paths(invitation({ content: 'Join: {{link}}' }))).toEqual([]);
      expect(paths(invitation({ content: 'Code {{code}}{{#link}}, or follow {{link}}{{/link}}' }))).toEqual([]);
      expect(paths(invitation({ content: 'You are invited to {{organizationName}}.' }))).toEqual([]);
      expect(paths(baseConfig())).toEqual([]);
    });
  });
});
