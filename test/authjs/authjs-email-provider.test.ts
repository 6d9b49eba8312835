import { Auth, raw, skipCSRFCheck } from '@auth/core';
import { AuthError } from '@auth/core/errors';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authjsEmailProvider, AUTHJS_VARIABLES, mailerErrorOf, sendVerificationRequest } from '../../src/authjs/index.js';
import { createMailer, MailerError, type Mailer } from '../../src/index.js';
import type { SmtpSinkOptions, SmtpSink } from '../../src/testing/index.js';
import { startSmtpSink } from '../../src/testing/index.js';
import { leakedSecrets } from '../helpers/leaked-secrets.js';
import { authjsApp, ORIGIN } from './authjs-app.js';

// The three new link types are not built in yet (another branch adds them): the tests bring theirs.
const TEMPLATES = [
  {
    usageType: 'MagicLink',
    contentType: 'text/html' as const,
    subject: 'Sign in to {{host}}',
    content: '<p><a href="{{link}}">Sign in</a>, within {{expiresInMinutes}} minutes.</p>',
    text: 'Sign in: {{{link}}} (within {{expiresInMinutes}} minutes)',
  },
  {
    usageType: 'MagicLink',
    locale: 'de',
    contentType: 'text/plain' as const,
    subject: 'Bei {{host}} anmelden',
    content: 'Anmelden: {{{link}}} (innerhalb von {{expiresInMinutes}} Minuten)',
  },
];
const LINK = /(http:\/\/localhost:3000\/auth\/callback\/email\?\S+)/;

let sink: SmtpSink | undefined;
const mailers: Mailer[] = [];
afterEach(async () => {
  for (const mailer of mailers.splice(0)) await mailer.close();
  await sink?.close();
  sink = undefined;
});

/** A sink, and a mailer sending to it with the test templates (retries off, so refusals come fast). */
async function mailerAndSink(options: SmtpSinkOptions = {}): Promise<{ mailer: Mailer; sink: SmtpSink }> {
  sink = await startSmtpSink(options);
  const mailer = createMailer({ ...sink.config, fromEmail: 'Acme <auth@acme.example>', templates: TEMPLATES }, { retry: { attempts: 1 } });
  mailers.push(mailer);
  return { mailer, sink };
}

describe('authjsEmailProvider in Auth.js (real Auth(), unstorage adapter)', () => {
  it('signs a user in with the link the mailer sent: POST, mail, callback, session', async () => {
    const { mailer, sink } = await mailerAndSink();
    const app = authjsApp([authjsEmailProvider(mailer, { maxAge: 10 * 60 })]);
    const browser = app.browser();

    const started = await browser.signInWithEmail('Ada@Example.com');
    expect(started.status).toBe(302);
    expect(started.headers.get('location')).toBe(`${ORIGIN}/auth/verify-request?provider=email&type=email`);

    // Auth.js normalizes the address (lowercase) before handing it over.
    const message = await sink.waitFor({ to: 'ada@example.com' });
    expect(message.subject).toBe('Sign in to localhost:3000');
    expect(message.text).toContain('within 10 minutes');
    const link = sink.extract(LINK, { to: 'ada@example.com' });
    expect(link).toBeDefined();
    expect(message.html).toContain(new URL(link as string).searchParams.get('token'));

    const callback = await browser.fetch(link as string);
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe(`${ORIGIN}/dashboard`);
    expect(browser.cookieNames).toContain('authjs.session-token');
    expect((await browser.session())?.user?.email).toBe('ada@example.com');
    expect((await app.adapter.getUserByEmail?.('ada@example.com'))?.emailVerified).toBeInstanceOf(Date);
    expect(app.loggedErrors).toEqual([]);
  });

  it('writes in the language of the Accept-Language header, through the lower-level sendVerificationRequest', async () => {
    const { mailer, sink } = await mailerAndSink();
    const provider = { id: 'email', type: 'email', name: 'Email', sendVerificationRequest: sendVerificationRequest(mailer) } as const;
    const app = authjsApp([provider]);

    await app.browser({ 'accept-language': 'de-CH,de;q=0.9,en;q=0.5' }).signInWithEmail('ada@example.com');
    await app.browser().signInWithEmail('bob@example.com');

    // Auth.js's default lifetime (one day) reaches the template as expiresInMinutes.
    expect((await sink.waitFor({ to: 'ada@example.com' })).text).toMatch(/^Anmelden: http:\/\/localhost:3000\/auth\/callback\/email\?\S+ \(innerhalb von 1440 Minuten\)/);
    expect((await sink.waitFor({ to: 'bob@example.com' })).subject).toBe('Sign in to localhost:3000');
  });

  it('merges the payload option over its own variables, and sends as the type given', async () => {
    sink = await startSmtpSink();
    const mailer = createMailer({
      ...sink.config,
      fromEmail: 'auth@acme.example',
      templates: [{ usageType: 'AcmeSignIn', contentType: 'text/plain', subject: '{{brand}} ({{locale}})', content: '{{{link}}}' }],
    });
    mailers.push(mailer);
    const payload = vi.fn(() => ({ brand: 'Acme', locale: 'fr' }));
    const app = authjsApp([authjsEmailProvider(mailer, { type: 'AcmeSignIn', payload })]);

    await app.browser({ 'accept-language': 'de' }).signInWithEmail('ada@example.com');

    expect((await sink.waitFor({ to: 'ada@example.com' })).subject).toBe('Acme (fr)');
    expect(payload).toHaveBeenCalledWith(expect.objectContaining({ identifier: 'ada@example.com', url: expect.stringMatching(LINK) }));
  });

  it('sends to the address the provider\'s normalizeIdentifier returns, and signs that user in', async () => {
    const { mailer, sink } = await mailerAndSink();
    const normalizeIdentifier = (identifier: string): string => identifier.trim().toLowerCase().replace(/\+[^@]*@/, '@');
    const app = authjsApp([authjsEmailProvider(mailer, { normalizeIdentifier })]);
    const browser = app.browser();

    await browser.signInWithEmail(' Ada+news@Example.com ');
    await sink.waitFor({ to: 'ada@example.com' });
    await browser.fetch(sink.extract(LINK) as string);

    expect(sink.messages.map((message) => message.envelope.to)).toEqual([['ada@example.com']]);
    expect((await browser.session())?.user?.email).toBe('ada@example.com');
  });
});

describe('a failed send, as Auth.js and its users see it', () => {
  const TOKEN = 'f3c9a1d07b5e42a8c6e1d9b0a7f4e2c3';
  let rejections: unknown[];
  const onRejection = (reason: unknown): void => void rejections.push(reason);
  beforeEach(() => {
    rejections = [];
    process.on('unhandledRejection', onRejection);
  });
  afterEach(() => void process.off('unhandledRejection', onRejection));

  it('sends the user back to the sign-in page, and logs an EmailSignInError holding the MailerError', async () => {
    const { mailer, sink } = await mailerAndSink({ onRcptTo: () => ({ code: 550, message: 'No such user here' }) });
    const app = authjsApp([authjsEmailProvider(mailer, { generateVerificationToken: () => TOKEN })]);

    const response = await app.browser().signInWithEmail('ada@example.com');

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${ORIGIN}/auth/signin?error=Configuration`);
    expect(sink.messages).toEqual([]);
    const [logged, ...others] = app.loggedErrors;
    expect(others).toEqual([]);
    expect(logged).toBeInstanceOf(AuthError);
    expect(logged).toMatchObject({ type: 'EmailSignInError', message: expect.stringMatching(/^auth-mailer could not send the sign-in email \(Rejected\)/) });
    expect(mailerErrorOf(logged)).toMatchObject({ code: 'Rejected', responseCode: 550 });
    expect(mailerErrorOf(logged)).toBeInstanceOf(MailerError);
  });

  it('prints neither the link nor its token through Auth.js\'s default logger', async () => {
    const { mailer } = await mailerAndSink({ onRcptTo: () => ({ code: 550 }) });
    const app = authjsApp([authjsEmailProvider(mailer, { generateVerificationToken: () => TOKEN })], { logger: undefined, debug: true });
    const printed: unknown[][] = [];
    const spies = (['error', 'warn', 'log'] as const).map((level) => vi.spyOn(console, level).mockImplementation((...args) => void printed.push(args)));
    try {
      await app.browser().signInWithEmail('ada@example.com');
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const output = printed.flat().map(String).join('\n');
    expect(output).toContain('EmailSignInError: auth-mailer could not send the sign-in email (Rejected)');
    expect(output).toContain('MailerError'); // [auth][cause] prints the MailerError's stack
    expect(leakedSecrets(output, { token: TOKEN })).toEqual([]);
  });

  it('keeps the server up when the send fails at once (a closed mailer): no unhandled rejection', async () => {
    const { mailer } = await mailerAndSink();
    await mailer.close();
    const app = authjsApp([authjsEmailProvider(mailer)]);

    // Auth.js hashes the token (a round trip to the thread pool) before it awaits the send: Node
    // reports an unhandled rejection in between, before Auth() returns.
    const response = await app.browser().signInWithEmail('ada@example.com');

    expect(response.headers.get('location')).toBe(`${ORIGIN}/auth/signin?error=Configuration`);
    expect(mailerErrorOf(app.loggedErrors[0])?.code).toBe('Closed');
    expect(rejections).toEqual([]);
  });

  it('lets the mailer\'s rate limit stop a flood of sign-in emails to one address, with the time to wait', async () => {
    sink = await startSmtpSink();
    const mailer = createMailer({ ...sink.config, fromEmail: 'auth@acme.example', templates: TEMPLATES }, { rateLimit: { limit: 1, window: 60_000 } });
    mailers.push(mailer);
    const app = authjsApp([authjsEmailProvider(mailer)]);

    await app.browser().signInWithEmail('ada@example.com');
    const flooded = await app.browser().signInWithEmail('ada@example.com');

    expect(flooded.headers.get('location')).toBe(`${ORIGIN}/auth/signin?error=Configuration`);
    expect(mailerErrorOf(app.loggedErrors[0])).toMatchObject({ code: 'RateLimited', retryable: true, retryAfter: expect.any(Number) });
    expect(sink.messages).toHaveLength(1);
    expect(rejections).toEqual([]);
  });

  it('refuses a,b@example.com, which Auth.js\'s default normalizer lets through and nodemailer reads as b@example.com', async () => {
    const { mailer, sink } = await mailerAndSink();
    const app = authjsApp([authjsEmailProvider(mailer)]);

    const response = await app.browser().signInWithEmail('a,b@example.com');

    expect(response.headers.get('location')).toBe(`${ORIGIN}/auth/signin?error=Configuration`);
    expect(mailerErrorOf(app.loggedErrors[0])?.code).toBe('InvalidRecipient');
    expect(sink.messages).toEqual([]);
    expect(rejections).toEqual([]);
  });

  it('throws the EmailSignInError to next-auth\'s signIn() (Auth() with raw), where a bare MailerError would be lost', async () => {
    const { mailer } = await mailerAndSink({ onRcptTo: () => ({ code: 550 }) });
    // next-auth v5's signIn() server action calls Auth() exactly so, and reads `redirect` and `cookies` off the result.
    const signIn = (provider: Parameters<typeof authjsApp>[0][number]) =>
      Auth(
        new Request(`${ORIGIN}/auth/signin/email`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ email: 'ada@example.com', callbackUrl: '/' }),
        }),
        { ...authjsApp([provider]).config, raw, skipCSRFCheck },
      );

    const failure: unknown = await signIn(authjsEmailProvider(mailer)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AuthError);
    expect(failure).toMatchObject({ type: 'EmailSignInError' });
    expect(mailerErrorOf(failure)?.code).toBe('Rejected');

    // The same failure thrown as it is: Auth() swallows it into a Response with no `redirect` for next-auth to follow.
    const bare = { id: 'email', type: 'email', name: 'Email', sendVerificationRequest: () => mailer.send({ to: 'ada@example.com', type: 'MagicLink', payload: { link: 'x', host: 'h', expiresInMinutes: 1 } }).then(() => undefined) } as const;
    const swallowed = (await signIn(bare)) as unknown as Response & { redirect?: unknown };
    expect(swallowed).toBeInstanceOf(Response);
    expect(swallowed.redirect).toBeUndefined();
  });
});

describe('mailerErrorOf', () => {
  it('finds the MailerError itself or as cause.err, and nothing in anything else', () => {
    const failure = new MailerError('Unavailable', 'down');
    expect(mailerErrorOf(failure)).toBe(failure);
    expect(mailerErrorOf(new AuthError('x', { cause: { err: failure } }))).toBe(failure);
    for (const other of [undefined, null, 'MailerError', new Error('x', { cause: failure }), new AuthError('x', { cause: { err: new Error('y') } })]) {
      expect(mailerErrorOf(other)).toBeUndefined();
    }
  });
});

describe('AUTHJS_VARIABLES', () => {
  it('lists what the provider fills for MagicLink, and the test templates use no other', () => {
    expect(AUTHJS_VARIABLES).toEqual({ framework: 'authjs', variables: { MagicLink: ['link', 'host', 'expiresInMinutes', 'locale'] } });
    const used = new Set(TEMPLATES.flatMap((template) => [template.subject, template.content, template.text ?? ''].flatMap((text) => [...text.matchAll(/\{\{\{?(\w+)/g)].map((match) => match[1]))));
    expect([...used].every((name) => AUTHJS_VARIABLES.variables.MagicLink?.includes(name as string))).toBe(true);
  });
});
