import { betterAuth } from 'better-auth';
import { memoryAdapter } from 'better-auth/adapters/memory';
import { emailOTP, magicLink, organization, twoFactor } from 'better-auth/plugins';
import { createMailer, type Mailer, type TemplateDefinition } from '../../src/index.js';
import { betterAuthEmails, type BetterAuthEmailsOptions } from '../../src/better-auth/index.js';
import type { SmtpSink } from '../../src/testing/index.js';

export const BASE_URL = 'http://localhost:3000';
export const PASSWORD = 'correct horse battery';

/** One plain-text template per usage type the adapter sends, each saying which type it is. */
const TEMPLATES: TemplateDefinition[] = [
  { usageType: 'VerifyEmailLink', subject: 'Verify your email', content: 'Verify: {{link}}' },
  { usageType: 'ResetPasswordLink', subject: 'Reset your password', content: 'Reset: {{link}}' },
  { usageType: 'UserPermissionValidation', subject: 'Confirm the change to {{newEmail}}', content: 'Confirm: {{link}}' },
  { usageType: 'MagicLink', subject: 'Your sign-in link', content: 'Sign in: {{link}}' },
  { usageType: 'OrganizationInvitation', subject: '{{inviterName}} invites you to {{organizationName}}', content: 'Join: {{link}}' },
  { usageType: 'MfaVerification', subject: 'Your two-factor code', content: 'Code: {{code}}' },
  { usageType: 'SignIn', subject: 'Your sign-in code', content: 'Code: {{code}}' },
  { usageType: 'Register', subject: 'Confirm your email', content: 'Code: {{code}}' },
  { usageType: 'ForgotPassword', subject: 'Your reset code', content: 'Code: {{code}}' },
  { usageType: 'BindNewIdentifier', subject: 'Confirm your new email', content: 'Code: {{code}}' },
  { usageType: 'SignIn', locale: 'fr', subject: 'Votre code de connexion', content: 'Code : {{code}}' },
  { usageType: 'VerifyEmailLink', locale: 'fr', subject: 'Vérifiez votre adresse', content: 'Vérifier : {{link}}' },
].map((template) => ({ contentType: 'text/plain', ...template }) as TemplateDefinition);

/** A mailer that sends every adapter usage type to `sink`. */
export function sinkMailer(sink: SmtpSink): Mailer {
  return createMailer(
    { ...sink.config, fromEmail: 'Example <auth@example.com>', templates: TEMPLATES },
    { retry: { attempts: 1 }, useDefaultTemplates: false },
  );
}

/** The part of a better-auth server the tests talk to: its HTTP handler, as a browser would. */
export interface TestAuth {
  /** better-auth's Fetch handler. */
  handler(request: Request): Promise<Response>;
  /** Two of its server-side calls, for the locale of calls that bypass HTTP. */
  api: {
    /** POST /sign-up/email, called directly. */
    signUpEmail(input: { body: { email: string; password: string; name: string }; headers?: Headers; request?: Request }): Promise<unknown>;
    /** POST /email-otp/send-verification-otp, called directly. */
    sendVerificationOTP(input: { body: { email: string; type: 'sign-in' }; headers?: Headers }): Promise<unknown>;
  };
}

/**
 * A better-auth server on a memory database, every email callback from the adapter; `logs` gets what
 * it logs; `background` is better-auth's `advanced.backgroundTasks.handler`, when given.
 */
export function createAuth(
  mailer: Mailer,
  options: BetterAuthEmailsOptions = {},
  logs: unknown[][] = [],
  background?: (task: Promise<unknown>) => void,
): TestAuth {
  const emails = betterAuthEmails(mailer, { invitationLink: ({ id }) => `${BASE_URL}/accept-invitation/${id}`, ...options });
  return betterAuth({
    baseURL: BASE_URL,
    secret: 'a-test-secret-that-is-long-enough-0123456789abcdef',
    database: memoryAdapter({ user: [], session: [], account: [], verification: [], organization: [], member: [], invitation: [], twoFactor: [] }),
    logger: { log: (level, message, ...args) => logs.push([level, message, ...args]) },
    ...(background === undefined ? {} : { advanced: { backgroundTasks: { handler: background } } }),
    emailAndPassword: { enabled: true, requireEmailVerification: true, ...emails.emailAndPassword },
    emailVerification: { sendOnSignUp: true, autoSignInAfterVerification: true, ...emails.emailVerification },
    user: { changeEmail: { enabled: true, ...emails.user.changeEmail } },
    plugins: [
      emailOTP({ ...emails.emailOTP, changeEmail: { enabled: true } }),
      magicLink(emails.magicLink),
      organization(emails.organization),
      twoFactor({ otpOptions: emails.twoFactor.otpOptions, skipVerificationOnEnable: true }),
    ],
  });
}

/** A browser talking to `auth.handler`: it keeps the cookies better-auth sets, as a real one would. */
export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly auth: TestAuth,
    private readonly headers: Record<string, string> = {},
  ) {}

  /** POSTs JSON to an auth route (`/sign-up/email`). */
  post(path: string, body: unknown): Promise<Response> {
    return this.request(`${BASE_URL}/api/auth${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  }

  /** GETs a full URL (a link from an email) or an auth route. */
  get(url: string): Promise<Response> {
    return this.request(url.startsWith('/') ? `${BASE_URL}/api/auth${url}` : url, { method: 'GET' });
  }

  /** The signed-in user's email, or `null` when better-auth sees no session. */
  async sessionEmail(): Promise<string | null> {
    const session = (await (await this.get('/get-session')).json()) as { user?: { email: string } } | null;
    return session?.user?.email ?? null;
  }

  private async request(url: string, init: { method: string; body?: string; headers?: Record<string, string> }): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await this.auth.handler(
      new Request(url, {
        ...init,
        headers: { origin: BASE_URL, ...this.headers, ...init.headers, ...(cookie === '' ? {} : { cookie }) },
      }),
    );
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

/** Reads a link out of the newest message to `to`. */
export async function linkSentTo(sink: SmtpSink, to: string, subject?: RegExp): Promise<string> {
  await sink.waitFor(subject === undefined ? { to } : { to, subject });
  const link = sink.extract(/(https?:\/\/\S+)/, subject === undefined ? { to } : { to, subject });
  if (link === undefined) throw new Error(`no link in the message to ${to}`);
  return link;
}

/** Reads a six-digit code out of the newest message to `to`. */
export async function codeSentTo(sink: SmtpSink, to: string, subject?: RegExp): Promise<string> {
  await sink.waitFor(subject === undefined ? { to } : { to, subject });
  const code = sink.extract(/\b(\d{6})\b/, subject === undefined ? { to } : { to, subject });
  if (code === undefined) throw new Error(`no code in the message to ${to}`);
  return code;
}
