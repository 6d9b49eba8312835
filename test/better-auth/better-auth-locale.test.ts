import { describe, expect, it } from 'vitest';
import { sinkPerTest } from '../helpers/sink-per-test.js';
import type { BetterAuthEmailContext } from '../../src/better-auth/index.js';
import { Browser, createAuth, PASSWORD, sinkMailer } from './better-auth-app.js';

// The locale of each email comes from the Accept-Language of the request that caused it.
describe('betterAuthEmails locale', () => {
  const { sink, keep } = sinkPerTest();

  it('picks the localized template from the request\'s Accept-Language, for core and plugin callbacks', async () => {
    const auth = createAuth(keep(sinkMailer(sink())));
    const french = new Browser(auth, { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' });
    await french.post('/sign-up/email', { email: 'ada@example.com', password: PASSWORD, name: 'Ada' });
    await french.post('/email-otp/send-verification-otp', { email: 'ada@example.com', type: 'sign-in' });
    const german = new Browser(auth, { 'accept-language': 'de' });
    await german.post('/email-otp/send-verification-otp', { email: 'bob@example.com', type: 'sign-in' });

    await sink().waitForMessages(3);
    expect(sink().findAll({ to: 'ada@example.com' }).map(({ subject }) => subject)).toEqual(['Vérifiez votre adresse', 'Votre code de connexion']);
    // No German template: the one without a locale.
    expect(sink().find({ to: 'bob@example.com' })?.subject).toBe('Your sign-in code');
  });

  it('lets the locale option choose instead, asynchronously (a language stored with the user)', async () => {
    const seen: BetterAuthEmailContext[] = [];
    // As a lookup of the user's stored language would, it answers asynchronously.
    const locale = async (email: BetterAuthEmailContext) => (seen.push(email), email.to.endsWith('.fr') ? 'fr' : undefined);
    const browser = new Browser(createAuth(keep(sinkMailer(sink())), { locale }), { 'accept-language': 'fr' });
    await browser.post('/email-otp/send-verification-otp', { email: 'ada@example.com', type: 'sign-in' });
    await browser.post('/email-otp/send-verification-otp', { email: 'zoe@example.fr', type: 'sign-in' });

    await sink().waitForMessages(2);
    expect(sink().messages.map(({ subject }) => subject)).toEqual(['Your sign-in code', 'Votre code de connexion']);
    expect(seen.map(({ hook, type, to, headers }) => [hook, type, to, headers?.get('accept-language')])).toEqual([
      ['emailOTP.sendVerificationOTP', 'SignIn', 'ada@example.com', 'fr'],
      ['emailOTP.sendVerificationOTP', 'SignIn', 'zoe@example.fr', 'fr'],
    ]);
  });

  it('reads the locale of direct auth.api calls: plugins from `headers`, core callbacks only from `request`', async () => {
    const auth = createAuth(keep(sinkMailer(sink())));
    const french = new Headers({ 'accept-language': 'fr' });
    await auth.api.sendVerificationOTP({ body: { email: 'ada@example.com', type: 'sign-in' }, headers: french });
    const body = (email: string) => ({ email, password: PASSWORD, name: 'Someone' });
    await auth.api.signUpEmail({ body: body('bob@example.com'), headers: french });
    await auth.api.signUpEmail({ body: body('cleo@example.com'), request: new Request('http://localhost:3000/api/auth/sign-up/email', { headers: french }) });

    await sink().waitForMessages(3);
    expect(sink().find({ to: 'ada@example.com' })?.subject).toBe('Votre code de connexion');
    // better-auth hands its core callbacks `ctx.request` only: `headers` alone leave them without one.
    expect(sink().find({ to: 'bob@example.com' })?.subject).toBe('Verify your email');
    expect(sink().find({ to: 'cleo@example.com' })?.subject).toBe('Vérifiez votre adresse');
  });
});
