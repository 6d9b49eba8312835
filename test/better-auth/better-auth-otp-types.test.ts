import { describe, expect, it } from 'vitest';
import { betterAuthEmails } from '../../src/better-auth/index.js';
import { createMailer } from '../../src/index.js';
import { MemoryTransport } from '../../src/testing/index.js';

const config = { host: '127.0.0.1', fromEmail: 'auth@example.com' };

describe('an emailOTP type better-auth adds after 1.7', () => {
  // The callback's type is better-auth 1.7's union; a later release may send another string.
  const sendOtp = (emails: ReturnType<typeof betterAuthEmails>, type: string) =>
    emails.emailOTP.sendVerificationOTP({ email: 'ada@example.com', otp: '402913', type: type as 'sign-in' });

  it('is sent under its own name, which the mailer resolves like any other type', async () => {
    const transport = new MemoryTransport();
    const mailer = createMailer(config, { transport, usageTypeAliases: { 'delete-account': 'UserPermissionValidation' } });
    await sendOtp(betterAuthEmails(mailer), 'delete-account');
    await sendOtp(betterAuthEmails(mailer), 'sign-in');
    expect(transport.messages.map((message) => message.usageType)).toEqual(['UserPermissionValidation', 'SignIn']);
    await mailer.close();
  });

  it('is refused by strictUsageTypes with its name, as a type the mailer does not know', async () => {
    const mailer = createMailer(config, { transport: new MemoryTransport(), strictUsageTypes: true });
    await expect(sendOtp(betterAuthEmails(mailer), 'delete-account')).rejects.toMatchObject({
      code: 'TemplateNotFound',
      summary: expect.stringContaining('"delete-account"'),
    });
    await mailer.close();
  });
});
