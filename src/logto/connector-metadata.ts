/**
 * What Logto's console shows about the connector, and the id that makes it a drop-in for Logto's
 * SMTP connector.
 *
 * @module
 */
import type { ConnectorMetadata } from '@logto/connector-kit';

// An envelope, drawn for this connector. Logto shows a `data:` URL as it is.
const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="#5d34f2" stroke-width="1.8" stroke-linejoin="round">' +
  '<rect x="2.5" y="5" width="19" height="14" rx="2"/><path d="M3 6.5l9 6.5 9-6.5"/></svg>';

// Shown as the connector's README in the console. Logto reads `readme` and `configTemplate` as
// files of the connector package when such a file exists, else takes the text as it is.
const README = `# SMTP (auth-mailer)

Sends Logto's emails through [auth-mailer](https://www.npmjs.com/package/auth-mailer): the same
config as Logto's SMTP connector, pooled connections reused across messages, retries of transient
failures, typed errors, mustache templates (HTML-escaped), a plain-text part for HTML mail, and
built-in templates in 20 languages for the usage types your config has no template for.

Templates may carry a \`locale\`; Logto's own email templates (by language) are used first.
Check a config before saving it: \`npx auth-mailer check smtp.json\`.
`;

const CONFIG_TEMPLATE = JSON.stringify(
  {
    host: '<host>',
    port: 587,
    auth: { user: '<username>', pass: '<password>' },
    fromEmail: '<from_email_address@your.domain>',
    templates: [
      { usageType: 'Generic', contentType: 'text/plain', subject: 'Your verification code', content: 'Your verification code is {{code}}.' },
      {
        usageType: 'OrganizationInvitation',
        contentType: 'text/plain',
        subject: 'You are invited',
        content: 'Join {{organizationName}}: {{link}}',
      },
    ],
  },
  null,
  2,
);

/**
 * The connector's metadata. `id` and `target` are those of `@logto/connector-smtp`, so that the
 * connector configured in Logto's database is served by this one once it replaces the SMTP
 * connector's package. There are no `formItems`: the console edits the config as JSON, starting
 * from `configTemplate` (a form would hide the keys auth-mailer adds, such as a template's
 * `locale` and `text`).
 */
export const CONNECTOR_METADATA: ConnectorMetadata = Object.freeze({
  id: 'simple-mail-transfer-protocol',
  target: 'smtp',
  platform: null,
  name: { en: 'SMTP (auth-mailer)' },
  description: {
    en: 'Sends email over SMTP with auth-mailer: pooled connections, retries, typed errors, localized templates.',
  },
  logo: `data:image/svg+xml;base64,${Buffer.from(LOGO_SVG).toString('base64')}`,
  logoDark: null,
  readme: README,
  configTemplate: CONFIG_TEMPLATE,
});
