// Type-checks the BUILT typings (the package imports itself, so these resolve to dist/*.d.ts):
// each side entry's .d.ts carries its own copy of the classes it mentions, and a class with private
// fields from one copy is not assignable to another's. A Mailer from 'auth-mailer' must fit every
// entry that takes one.
import { createMailer, type MailSender } from 'auth-mailer';
import { authjsEmailProvider, sendVerificationRequest } from 'auth-mailer/authjs';
import { betterAuthEmails } from 'auth-mailer/better-auth';
import { createRedisOutbox } from 'auth-mailer/redis';
import { describe, expectTypeOf, it } from 'vitest';

const mailer = createMailer({ host: 'smtp.example.com', fromEmail: 'auth@example.com' });

describe('the built typings of the side entries', () => {
  it('take a Mailer from the main entry', () => {
    expectTypeOf(mailer).toMatchTypeOf<MailSender>();
    expectTypeOf(createRedisOutbox).toBeCallableWith({ connection: 'redis://127.0.0.1:6379', mailer });
    expectTypeOf(authjsEmailProvider).toBeCallableWith(mailer);
    expectTypeOf(sendVerificationRequest).toBeCallableWith(mailer);
    expectTypeOf(betterAuthEmails).toBeCallableWith(mailer);
  });
});
