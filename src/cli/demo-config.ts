/**
 * The config `auth-mailer demo` runs on: written as a Logto SMTP connector config is, to show it
 * works unchanged.
 *
 * @module
 */

/** Where the demo's SMTP server listens and the credentials it demands. */
export interface DemoServer {
  /** The server's host. */
  host: string;
  /** The server's port. */
  port: number;
  /** The user the server expects. */
  user: string;
  /** The password the server expects. */
  pass: string;
}

const CODE_LINE = 'Your verification code is {{code}}. The code will remain active for 10 minutes.';

const html = (heading: string, body: string): string =>
  `<html><body><h1>${heading}</h1><p>${body}</p><p style="color:#888">If you did not ask for this, ignore this email.</p></body></html>`;

/**
 * Builds the demo's config, shaped exactly like a Logto SMTP connector config: the port as a
 * string, `auth` as `{ user, pass }`, and Logto-style templates for all twelve known usage types
 * (plain text and HTML, no `text` parts), plus a Japanese `SignIn` template.
 *
 * @param server - Where the demo's SMTP server listens, and its credentials.
 * @returns The config, as it would be parsed from JSON.
 */
export function demoConfig(server: DemoServer): Record<string, unknown> {
  return {
    host: server.host,
    port: String(server.port),
    auth: { user: server.user, pass: server.pass },
    fromEmail: 'Acme Auth <no-reply@acme.example>',
    templates: [
      { usageType: 'Register', contentType: 'text/html', subject: 'Confirm your email', content: html('Welcome to Acme', CODE_LINE) },
      { usageType: 'SignIn', contentType: 'text/plain', subject: 'Your sign-in code', content: CODE_LINE },
      {
        usageType: 'SignIn',
        locale: 'ja',
        contentType: 'text/plain',
        subject: 'サインイン確認コード',
        content: '確認コードは {{code}} です。このコードは10分間有効です。',
      },
      { usageType: 'ForgotPassword', contentType: 'text/html', subject: 'Reset your password', content: html('Password reset', CODE_LINE) },
      { usageType: 'Generic', contentType: 'text/plain', subject: 'Your verification code', content: CODE_LINE },
      {
        usageType: 'OrganizationInvitation',
        contentType: 'text/html',
        subject: "You're invited to join an organization",
        content: html('Join your team on Acme', 'Accept the invitation: <a href="{{link}}">{{link}}</a>'),
      },
      { usageType: 'UserPermissionValidation', contentType: 'text/plain', subject: 'Confirm it is you', content: CODE_LINE },
      { usageType: 'BindNewIdentifier', contentType: 'text/plain', subject: 'Verify your new email address', content: CODE_LINE },
      { usageType: 'MfaVerification', contentType: 'text/html', subject: 'Your two-step verification code', content: html('Two-step verification', CODE_LINE) },
      { usageType: 'BindMfa', contentType: 'text/plain', subject: 'Set up email two-step verification', content: CODE_LINE },
      { usageType: 'MagicLink', contentType: 'text/html', subject: 'Your sign-in link', content: html('Sign in to Acme', 'Sign in: <a href="{{link}}">{{link}}</a>') },
      { usageType: 'VerifyEmailLink', contentType: 'text/plain', subject: 'Verify your email address', content: 'Open this link to verify your email address: {{link}}' },
      {
        usageType: 'ResetPasswordLink',
        contentType: 'text/html',
        subject: 'Reset your password',
        content: html('Password reset', 'Choose a new password: <a href="{{link}}">{{link}}</a>'),
      },
    ],
  };
}
