// Auth.js (@auth/core) email sign-in, its links sent by auth-mailer: no Nodemailer provider, no
// second nodemailer. Mount `handleAuth` at /auth/* for GET and POST.
import { Auth, type AuthConfig } from '@auth/core';
import { UnstorageAdapter } from '@auth/unstorage-adapter';
import { createStorage } from 'unstorage';
import { createMailer } from 'auth-mailer';
import { authjsEmailProvider } from 'auth-mailer/authjs';

const mailer = createMailer({
  host: 'smtp.example.com',
  port: 587,
  fromEmail: 'Acme <auth@acme.example>',
  auth: { user: 'auth@acme.example', pass: process.env.SMTP_PASSWORD ?? '' },
  templates: [
    {
      usageType: 'MagicLink',
      contentType: 'text/html',
      subject: 'Sign in to {{host}}',
      content: '<p><a href="{{link}}">Sign in to {{host}}</a>. The link works once, for {{expiresInMinutes}} minutes.</p>',
    },
    {
      usageType: 'MagicLink',
      locale: 'de',
      contentType: 'text/html',
      subject: 'Bei {{host}} anmelden',
      content: '<p><a href="{{link}}">Bei {{host}} anmelden</a>. Der Link gilt einmal, {{expiresInMinutes}} Minuten lang.</p>',
    },
  ],
});

export const authConfig: AuthConfig = {
  // Email sign-in needs a database adapter: any Auth.js adapter (Prisma, Drizzle, unstorage on Redis...).
  adapter: UnstorageAdapter(createStorage()),
  providers: [authjsEmailProvider(mailer, { maxAge: 15 * 60 })],
  secret: process.env.AUTH_SECRET,
  basePath: '/auth',
  trustHost: true,
};

/** Auth.js's routes: the sign-in form posts to /auth/signin/email, the link opens /auth/callback/email. */
export function handleAuth(request: Request): Promise<Response> {
  return Auth(request, authConfig);
}
