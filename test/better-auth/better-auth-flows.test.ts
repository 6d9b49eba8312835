import { describe, expect, it } from 'vitest';
import { sinkPerTest } from '../helpers/sink-per-test.js';
import { Browser, codeSentTo, createAuth, linkSentTo, PASSWORD, sinkMailer, type TestAuth } from './better-auth-app.js';

// better-auth's real flows, driven over HTTP through auth.handler on a memory database; every email
// goes through createMailer to an SMTP sink, and the code or link is read back from the message.
describe('betterAuthEmails in better-auth flows', () => {
  const { sink, keep } = sinkPerTest();
  const start = (): TestAuth => createAuth(keep(sinkMailer(sink())));

  /** Signs up, follows the emailed verification link: returns the signed-in browser. */
  const signUpVerified = async (auth: TestAuth, email: string, name: string): Promise<Browser> => {
    const browser = new Browser(auth);
    expect((await browser.post('/sign-up/email', { email, password: PASSWORD, name })).status).toBe(200);
    await browser.get(await linkSentTo(sink(), email, /Verify your email/));
    expect(await browser.sessionEmail()).toBe(email);
    return browser;
  };

  it('signs up with required verification, verifies through the emailed link (VerifyEmailLink), then signs in', async () => {
    const auth = start();
    const browser = new Browser(auth);
    expect((await browser.post('/sign-up/email', { email: 'ada@example.com', password: PASSWORD, name: 'Ada' })).status).toBe(200);
    expect(await browser.sessionEmail()).toBeNull();
    expect((await browser.post('/sign-in/email', { email: 'ada@example.com', password: PASSWORD })).status).toBe(403);

    const link = await linkSentTo(sink(), 'ada@example.com', /Verify your email/);
    expect(link).toMatch(/^http:\/\/localhost:3000\/api\/auth\/verify-email\?token=/);
    expect((await browser.get(link)).status).toBe(302);
    expect(await browser.sessionEmail()).toBe('ada@example.com');

    const elsewhere = new Browser(auth);
    expect((await elsewhere.post('/sign-in/email', { email: 'ada@example.com', password: PASSWORD })).status).toBe(200);
    expect(await elsewhere.sessionEmail()).toBe('ada@example.com');
  });

  it('resets a password through the emailed link (ResetPasswordLink)', async () => {
    const auth = start();
    await signUpVerified(auth, 'ada@example.com', 'Ada');
    const browser = new Browser(auth);
    expect((await browser.post('/request-password-reset', { email: 'ada@example.com', redirectTo: '/new-password' })).status).toBe(200);

    const link = await linkSentTo(sink(), 'ada@example.com', /Reset your password/);
    const landing = await browser.get(link);
    expect(landing.status).toBe(302);
    const token = new URL(landing.headers.get('location') ?? '', 'http://localhost:3000').searchParams.get('token');
    expect((await browser.post('/reset-password', { token, newPassword: 'a brand new passphrase' })).status).toBe(200);

    expect((await browser.post('/sign-in/email', { email: 'ada@example.com', password: PASSWORD })).status).toBe(401);
    expect((await browser.post('/sign-in/email', { email: 'ada@example.com', password: 'a brand new passphrase' })).status).toBe(200);
    expect(await browser.sessionEmail()).toBe('ada@example.com');
  });

  it('signs in with an emailOTP code (SignIn)', async () => {
    const browser = new Browser(start());
    expect((await browser.post('/email-otp/send-verification-otp', { email: 'cleo@example.com', type: 'sign-in' })).status).toBe(200);
    const otp = await codeSentTo(sink(), 'cleo@example.com', /Your sign-in code/);
    expect((await browser.post('/sign-in/email-otp', { email: 'cleo@example.com', otp })).status).toBe(200);
    expect(await browser.sessionEmail()).toBe('cleo@example.com');
  });

  it('verifies an address, resets the password and changes the address with emailOTP codes (Register, ForgotPassword, BindNewIdentifier)', async () => {
    const auth = start();
    const browser = new Browser(auth);
    await browser.post('/sign-up/email', { email: 'dan@example.com', password: PASSWORD, name: 'Dan' });
    await browser.post('/email-otp/send-verification-otp', { email: 'dan@example.com', type: 'email-verification' });
    const verifyOtp = await codeSentTo(sink(), 'dan@example.com', /Confirm your email/);
    expect((await browser.post('/email-otp/verify-email', { email: 'dan@example.com', otp: verifyOtp })).status).toBe(200);
    expect(await browser.sessionEmail()).toBe('dan@example.com');

    await browser.post('/email-otp/request-password-reset', { email: 'dan@example.com' });
    const resetOtp = await codeSentTo(sink(), 'dan@example.com', /Your reset code/);
    expect((await browser.post('/email-otp/reset-password', { email: 'dan@example.com', otp: resetOtp, password: 'another passphrase' })).status).toBe(200);
    const signedIn = new Browser(auth);
    expect((await signedIn.post('/sign-in/email', { email: 'dan@example.com', password: 'another passphrase' })).status).toBe(200);

    expect((await signedIn.post('/email-otp/request-email-change', { newEmail: 'dan.new@example.com' })).status).toBe(200);
    const changeOtp = await codeSentTo(sink(), 'dan.new@example.com', /Confirm your new email/);
    expect((await signedIn.post('/email-otp/change-email', { newEmail: 'dan.new@example.com', otp: changeOtp })).status).toBe(200);
    expect(await signedIn.sessionEmail()).toBe('dan.new@example.com');
  });

  it('signs in through an emailed magic link (MagicLink)', async () => {
    const browser = new Browser(start());
    expect((await browser.post('/sign-in/magic-link', { email: 'eve@example.com', callbackURL: '/dashboard' })).status).toBe(200);
    const link = await linkSentTo(sink(), 'eve@example.com', /Your sign-in link/);
    expect(link).toMatch(/^http:\/\/localhost:3000\/api\/auth\/magic-link\/verify\?token=/);
    const landing = await browser.get(link);
    expect(landing.status).toBe(302);
    expect(landing.headers.get('location')).toBe('http://localhost:3000/dashboard');
    expect(await browser.sessionEmail()).toBe('eve@example.com');
  });

  it('invites to an organization (OrganizationInvitation) and the invitee accepts through the link', async () => {
    const auth = start();
    const owner = await signUpVerified(auth, 'ada@example.com', 'Ada Lovelace');
    const organization = (await (await owner.post('/organization/create', { name: 'Analytical Engines', slug: 'engines' })).json()) as { id: string };
    expect((await owner.post('/organization/invite-member', { email: 'bob@example.com', role: 'member', organizationId: organization.id })).status).toBe(200);

    const invitation = await sink().waitFor({ to: 'bob@example.com', subject: 'Ada Lovelace invites you to Analytical Engines' });
    const link = await linkSentTo(sink(), 'bob@example.com', /invites you/);
    expect(invitation.text).toContain(link);
    const invitationId = link.split('/').at(-1);

    const invitee = await signUpVerified(auth, 'bob@example.com', 'Bob');
    const accepted = await invitee.post('/organization/accept-invitation', { invitationId });
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as { member: { organizationId: string; role: string } }).member).toMatchObject({ organizationId: organization.id, role: 'member' });
    const organizations = (await (await invitee.get('/organization/list')).json()) as Array<{ name: string }>;
    expect(organizations.map(({ name }) => name)).toEqual(['Analytical Engines']);
  });

  it('completes a two-factor sign-in with an emailed code (MfaVerification)', async () => {
    const auth = start();
    const setup = await signUpVerified(auth, 'fay@example.com', 'Fay');
    expect((await setup.post('/two-factor/enable', { password: PASSWORD })).status).toBe(200);

    const browser = new Browser(auth);
    const signIn = await browser.post('/sign-in/email', { email: 'fay@example.com', password: PASSWORD });
    expect(await signIn.json()).toMatchObject({ twoFactorRedirect: true });
    expect(await browser.sessionEmail()).toBeNull();
    expect((await browser.post('/two-factor/send-otp', {})).status).toBe(200);
    const code = await codeSentTo(sink(), 'fay@example.com', /Your two-factor code/);
    expect((await browser.post('/two-factor/verify-otp', { code })).status).toBe(200);
    expect(await browser.sessionEmail()).toBe('fay@example.com');
  });

  it('changes a verified address through the confirmation link (UserPermissionValidation) and the new address\'s link', async () => {
    const auth = start();
    const browser = await signUpVerified(auth, 'gus@example.com', 'Gus');
    expect((await browser.post('/change-email', { newEmail: 'gus.new@example.com', callbackURL: '/' })).status).toBe(200);

    const confirm = await linkSentTo(sink(), 'gus@example.com', /Confirm the change to gus\.new@example\.com/);
    await browser.get(confirm);
    const verify = await linkSentTo(sink(), 'gus.new@example.com', /Verify your email/);
    await browser.get(verify);
    expect(await browser.sessionEmail()).toBe('gus.new@example.com');
  });
});
