/**
 * Checks user input against a valibot schema and reports every problem at once, by path, with
 * unknown keys named and the nearest known key suggested: one way for the config and the options.
 *
 * @module
 */
import * as v from 'valibot';

import { type ConfigIssue, MailerError } from '../errors/mailer-error.js';
import { kindOf } from '../shared/kind-of.js';
import { findUnknownKeys } from './find-unknown-keys.js';
import { formatPath } from './format-path.js';

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
 */
function fallbackMessage(issue: v.BaseIssue<unknown>): string {
  const expected = issue.expected ?? 'a valid value';
  const wording = EXPECTED_WORDING[expected] ?? expected.replace(/"([^"]*)"/g, '`$1`').replaceAll(' | ', ' or ');
  return `must be ${wording}; got ${kindOf(issue.input)}`;
}

function toConfigIssue(issue: v.BaseIssue<unknown>): ConfigIssue {
  const segments = (issue.path ?? []).map((item) => item.key as string | number);
  return { path: formatPath(segments), message: issue.message };
}

/** What an `InvalidConfig` message says besides its issues. */
export interface InvalidInputWording {
  /** What failed the checks, after `Invalid `: `mailer config`. */
  subject: string;
  /** How an issue at the root (path `''`) is labelled: `config`. */
  root: string;
  /** The last line: what to do. */
  fix: string;
}

/**
 * The `InvalidConfig` error listing every issue on a line of its own.
 *
 * @param wording - What was checked and what to do.
 * @param issues - Every problem found, each with its path.
 * @param cause - The error that made the value unreadable, if any.
 * @returns The error, not retryable, with `issues` set.
 */
export function invalidInput(wording: InvalidInputWording, issues: ConfigIssue[], cause?: unknown): MailerError {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  const lines = issues.map(({ path, message }) => `  - ${path === '' ? `(${wording.root})` : path}: ${message}`);
  return new MailerError('InvalidConfig', [`Invalid ${wording.subject} (${count}):`, ...lines, wording.fix].join('\n'), {
    issues,
    ...(cause === undefined ? {} : { cause }),
  });
}

/**
 * Checks `input` against `schema`. No message ever holds a received value, so no secret can leak
 * through one.
 *
 * @param schema - The schema; its closed objects also refuse keys they do not know, unless
 *   `allowUnknownKeys` (a database row's extra columns), when they are left out of the output.
 * @param input - What the user passed.
 * @param wording - What it is, for the error's first and last lines.
 * @param allowUnknownKeys - Whether keys the schema does not know are dropped rather than reported.
 * @returns The schema's output.
 * @throws {@link MailerError} `InvalidConfig` listing every problem in `issues`, each with its path.
 */
export function checkAgainstSchema<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  wording: InvalidInputWording,
  allowUnknownKeys = false,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input, { message: fallbackMessage });
  const issues = (result.issues ?? []).map(toConfigIssue);
  if (!allowUnknownKeys) issues.push(...findUnknownKeys(schema, input));
  if (!result.success || issues.length > 0) throw invalidInput(wording, issues);
  return result.output;
}
