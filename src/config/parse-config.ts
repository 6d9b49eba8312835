/**
 * Checks a mailer config and resolves its defaults, reporting every problem at once.
 *
 * @module
 */
import { kindOf } from '../shared/kind-of.js';
import { checkAgainstSchema, invalidInput, type InvalidInputWording } from './check-against-schema.js';
import { buildMailerConfigSchema } from './config-schema.js';
import type { ResolvedMailerConfig } from './mailer-config.js';

const CONFIG_WORDING: InvalidInputWording = {
  subject: 'mailer config',
  root: 'config',
  fix: 'Fix the fields listed above and create the mailer again.',
};

function notAnObject(input: unknown): string {
  const hint = typeof input === 'string' ? '; if it is JSON text, parse it with JSON.parse first' : '';
  return `must be an object with \`host\`, \`fromEmail\` and \`templates\`; got ${kindOf(input)}${hint}`;
}

let schema: ReturnType<typeof buildMailerConfigSchema> | undefined;

/** The config schema, built on the first check rather than at import, then kept. */
function configSchema(): ReturnType<typeof buildMailerConfigSchema> {
  return (schema ??= buildMailerConfigSchema());
}

/** Freezes what every send reads; `smtp` and `auth` stay plain objects, as nodemailer expects. */
function freeze(config: ResolvedMailerConfig): ResolvedMailerConfig {
  for (const template of config.templates) Object.freeze(template);
  for (const value of Object.values(config.customHeaders)) if (Array.isArray(value)) Object.freeze(value);
  Object.freeze(config.templates);
  Object.freeze(config.customHeaders);
  return Object.freeze(config);
}

/**
 * Checks a mailer config (a superset of the Logto SMTP connector's) and resolves it: the port and
 * `secure` settled from each other, `auth` normalized to `type: 'login'` or `'OAuth2'`, the
 * nodemailer options grouped in `smtp` with `pool`, `disableFileAccess` and `disableUrlAccess`
 * on by default. No message ever holds a received value, so no secret can leak through one.
 *
 * @param input - The config as the user gave it, typically parsed JSON.
 * @returns The resolved config; its top level, templates and custom headers are frozen.
 * @throws MailerError `InvalidConfig` listing every problem in `issues`, each with its path
 *   (`port`, `auth.pass`, `templates[2].contentType`), unknown keys with the nearest known key.
 * @example
 * ```ts
 * const resolved = parseConfig(JSON.parse(await readFile('mailer.json', 'utf8')));
 * resolved.port; // 587 when neither port nor secure was given
 * ```
 */
export function parseConfig(input: unknown): ResolvedMailerConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalidInput(CONFIG_WORDING, [{ path: '', message: notAnObject(input) }]);
  }
  return freeze(checkAgainstSchema(configSchema(), input, CONFIG_WORDING));
}
