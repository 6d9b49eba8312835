/**
 * The one module that imports nodemailer: the rest of the SMTP transport reaches it through here,
 * always by a dynamic `import()`, so that nothing loads it before the first send, verify or preview.
 *
 * @module
 */
export { createTransport } from 'nodemailer';
export { default as MailComposer } from 'nodemailer/lib/mail-composer';
export { default as SMTPConnection } from 'nodemailer/lib/smtp-connection';
export { default as XOAuth2 } from 'nodemailer/lib/xoauth2';
