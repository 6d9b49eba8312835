// auth.ts: better-auth sends its emails through auth-mailer.
import { createMailer } from 'auth-mailer';
import { betterAuthEmails } from 'auth-mailer/better-auth';
import { betterAuth } from 'better-auth';
import { memoryAdapter } from 'better-auth/adapters/memory';
import { emailOTP, magicLink, organization, twoFactor } from 'better-auth/plugins';

// createMailer checks an object literal against MailerConfig: process.env values are
// `string | undefined`, so read the required ones through a check that fails at startup.
function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`Set the environment variable ${name}`);
  return value;
}

const mailer = createMailer({
  host: env('SMTP_HOST'),
  port: env('SMTP_PORT'),
  auth: { user: env('SMTP_USER'), pass: env('SMTP_PASS') },
  fromEmail: 'Acme <no-reply@acme.example>',
});

const emails = betterAuthEmails(mailer, {
  // better-auth makes no link for invitations: point it at your accept-invitation page.
  invitationLink: ({ id }) => `https://app.acme.example/accept-invitation/${id}`,
  // better-auth only logs a failed send (the magic link's fails the request): alert here.
  onError: (error, { hook }) => console.error(`auth email from ${hook} failed (${error.code}): ${error.message}`),
});

const auth = betterAuth({
  database: memoryAdapter({}), // your database adapter
  emailAndPassword: { enabled: true, requireEmailVerification: true, ...emails.emailAndPassword },
  emailVerification: { sendOnSignUp: true, autoSignInAfterVerification: true, ...emails.emailVerification },
  user: { changeEmail: { enabled: true, ...emails.user.changeEmail } },
  plugins: [
    emailOTP(emails.emailOTP),
    magicLink(emails.magicLink),
    organization(emails.organization),
    twoFactor({ otpOptions: emails.twoFactor.otpOptions }),
  ],
  // Answer before the email goes out, so response times do not tell which addresses have an
  // account. On serverless platforms pass the platform's waitUntil instead.
  advanced: { backgroundTasks: { handler: (send) => void send } },
});

/** Every better-auth route (`/api/auth/*`): mount it in your server's router. */
export const handleAuth = (request: Request): Promise<Response> => auth.handler(request);
