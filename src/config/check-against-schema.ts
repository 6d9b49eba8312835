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

/**
 * The `InvalidConfig` error for a list of issues, one line each.
 *
 * @param what - What was checked, for the first line: `mailer config`, `mailer options`.
 * @param issues - Every problem found.
 * @returns The error, with `issues` set.
 */
export function invalidInput(what: string, issues: ConfigIssue[]): MailerError {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  const lines = issues.map(({ path, message }) => `  - ${path === '' ? `(${what})` : path}: ${message}`);
  return new MailerError(
    'InvalidConfig',
    [`Invalid ${what} (${count}):`, ...lines, 'Fix the fields listed above and create the mailer again.'].join('\n'),
    { issues },
  );
}

/**
 * Checks `input` against `schema`. No message ever holds a received value, so no secret can leak
 * through one.
 *
 * @param schema - The schema; its closed objects also refuse keys they do not know.
 * @param input - What the user passed.
 * @param what - What it is, for the error's first line: `mailer config`, `mailer options`.
 * @returns The schema's output.
 * @throws {@link MailerError} `InvalidConfig` listing every problem in `issues`, each with its path.
 */
export function checkAgainstSchema<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  what: string,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input, { message: fallbackMessage });
  const issues = [...(result.issues ?? []).map(toConfigIssue), ...findUnknownKeys(schema, input)];
  if (!result.success || issues.length > 0) throw invalidInput(what, issues);
  return result.output;
}
