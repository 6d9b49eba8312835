/**
 * Checks a mailer config and resolves its defaults, reporting every problem at once.
 *
 * @module
 */
import * as v from 'valibot';

import type { ConfigIssue } from '../errors.js';
import { MailerError } from '../errors.js';
import { buildMailerConfigSchema } from './config-schema.js';
import { findUnknownKeys } from './find-unknown-keys.js';
import { formatPath } from './format-path.js';
import { kindOf } from './kind-of.js';
import type { ResolvedMailerConfig } from './mailer-config.js';

/** How valibot's `expected` reads in a sentence. */
const EXPECTED_WORDING: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: '`true` or `false`',
  Object: 'an object',
  Array: 'an array',
};

/**
 * The message of any issue whose schema has none of its own (plain type checks): it names what
 * was expected and the kind of value received, never the value.
 *
 * @param issue - A valibot issue.
 * @returns `must be <expected>; got <kind>`.
 */
export function fallbackMessage(issue: v.BaseIssue<unknown>): string {
  const expected = issue.expected ?? 'a valid value';
  const wording = EXPECTED_WORDING[expected] ?? expected.replace(/"([^"]*)"/g, '`$1`').replaceAll(' | ', ' or ');
  return `must be ${wording}; got ${kindOf(issue.input)}`;
}

/**
 * Turns a valibot issue into a {@link ConfigIssue}, located by its property path.
 *
 * @param issue - A valibot issue.
 * @returns The issue's path (`templates[2].contentType`) and message.
 */
export function toConfigIssue(issue: v.BaseIssue<unknown>): ConfigIssue {
  const segments = (issue.path ?? []).map((item) => item.key as string | number);
  return { path: formatPath(segments), message: issue.message };
}

/** What an `InvalidConfig` message says besides its issues. */
export interface InvalidConfigWording {
  /** What failed the checks, after `Invalid `: `mailer config`. */
  subject: string;
  /** How an issue at the root (path `''`) is labelled: `config`. */
  root: string;
  /** The last line: what to do. */
  fix: string;
}

const CONFIG_WORDING: InvalidConfigWording = {
  subject: 'mailer config',
  root: 'config',
  fix: 'Fix the fields listed above and create the mailer again.',
};

/**
 * The `InvalidConfig` error listing every issue on a line of its own.
 *
 * @param issues - The problems found, each with its path.
 * @param wording - What was checked and what to do; the mailer config's by default.
 * @param cause - The error that made the value unreadable, if any.
 * @returns The error, not retryable, with `issues` set.
 */
export function invalidConfig(issues: ConfigIssue[], wording: InvalidConfigWording = CONFIG_WORDING, cause?: unknown): MailerError {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  const lines = issues.map(({ path, message }) => `  - ${path === '' ? `(${wording.root})` : path}: ${message}`);
  return new MailerError('InvalidConfig', [`Invalid ${wording.subject} (${count}):`, ...lines, wording.fix].join('\n'), {
    issues,
    ...(cause === undefined ? {} : { cause }),
  });
}

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
    throw invalidConfig([{ path: '', message: notAnObject(input) }]);
  }
  const result = v.safeParse(configSchema(), input, { message: fallbackMessage });
  const issues = [...(result.issues ?? []).map(toConfigIssue), ...findUnknownKeys(configSchema(), input)];
  if (!result.success || issues.length > 0) throw invalidConfig(issues);
  return freeze(result.output);
}
