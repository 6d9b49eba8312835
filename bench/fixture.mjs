// The message every bench sends: a 2 KB HTML sign-in template, and the configs that send it.

const ROW = '<tr><td style="padding:8px 24px;font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#333333">';

/** A ~2 KB HTML template with `{{code}}` three times and `{{link}}` twice, like a real sign-in email. */
export const HTML_TEMPLATE = [
  '<!doctype html><html><head><meta charset="utf-8"><title>Your sign-in code</title></head>',
  '<body style="margin:0;padding:0;background:#f4f4f7"><table role="presentation" width="100%" cellpadding="0" cellspacing="0">',
  `${ROW}<h1 style="font-size:20px;margin:0 0 12px">Sign in to Acme</h1></td></tr>`,
  `${ROW}<p>Hello,</p><p>Someone (hopefully you) asked to sign in to your Acme account. Use this code to finish signing in:</p></td></tr>`,
  `${ROW}<p style="font-size:28px;letter-spacing:6px;font-weight:bold;margin:16px 0">{{code}}</p></td></tr>`,
  `${ROW}<p>The code {{code}} expires in 10 minutes. You can also follow this link on the device you are signing in on:</p>`,
  '<p><a href="{{link}}" style="color:#3366cc">Sign in to Acme</a></p></td></tr>',
  `${ROW}<p>If the link does not work, copy this address into your browser: {{link}}</p></td></tr>`,
  `${ROW}<p>If you did not ask for this code, you can ignore this email: nobody can sign in without it. `,
  'Never share {{code}} with anyone, including people who say they work for Acme.</p></td></tr>',
  `${ROW}<p style="color:#888888;font-size:12px">Acme Inc., 1 Example Street, Springfield. You receive this email `,
  'because an account at acme.example uses this address. This is an automated message; replies are not read.</p></td></tr>',
  `${ROW}<p style="color:#888888;font-size:12px">Security tip: Acme will never ask for your password by email, `,
  'phone or chat. When in doubt, open acme.example yourself instead of following links in emails.</p></td></tr>',
  '</table></body></html>',
].join('\n');

export const SUBJECT_TEMPLATE = 'Your Acme sign-in code is {{code}}';
export const FROM = 'Acme <no-reply@acme.example>';
export const TO = 'ada@example.com';
export const AUTH = { user: 'bench', pass: 'bench-secret' };

/** @param {number} i @returns {{ code: string, link: string }} a payload that differs per send */
export function payloadFor(i) {
  const code = String(100000 + (i % 900000));
  return { code, link: `https://acme.example/sign-in?code=${code}&session=abcdef0123456789` };
}

/** The auth-mailer template list (also valid for Logto: the four types it requires). */
export const TEMPLATES = ['SignIn', 'Register', 'ForgotPassword', 'Generic'].map((usageType) => ({
  usageType,
  contentType: 'text/html',
  subject: SUBJECT_TEMPLATE,
  content: HTML_TEMPLATE,
}));

/** The config for createMailer (and, with numeric port and login auth, the Logto connector). */
export function mailerConfig(port, extra = {}) {
  return { host: '127.0.0.1', port, fromEmail: FROM, auth: { ...AUTH }, templates: TEMPLATES, ...extra };
}

/** The Logto connector's config for the same server. */
export function logtoConfig(port) {
  return { host: '127.0.0.1', port, fromEmail: FROM, auth: { type: 'login', ...AUTH }, templates: TEMPLATES };
}

/** nodemailer's transport options, as auth-mailer's default transport sets them. */
export function nodemailerPoolOptions(port, extra = {}) {
  return {
    host: '127.0.0.1',
    port,
    secure: false,
    auth: { ...AUTH },
    pool: true,
    logger: false,
    disableFileAccess: true,
    disableUrlAccess: true,
    ...extra,
  };
}
