/**
 * Finds the keys a config holds that its schema does not know, with a suggestion for each.
 *
 * @module
 */
import type { GenericSchema } from 'valibot';

import type { ConfigIssue } from '../errors/mailer-error.js';
import { formatPath } from './format-path.js';
import { suggestKey } from './suggest-key.js';

/** The parts of a valibot schema the walk reads: object entries and the schemas that wrap others. */
interface SchemaNode {
  readonly type: string;
  readonly entries?: Readonly<Record<string, SchemaNode>>;
  readonly wrapped?: SchemaNode;
  readonly item?: SchemaNode;
  readonly getter?: (input: unknown) => SchemaNode;
}

/** Lists the allowed keys in a message when there are few enough to read at a glance. */
const MAX_LISTED_KEYS = 10;

function unknownKeyMessage(key: string, knownKeys: readonly string[]): string {
  const shown = `unknown key \`${formatPath([key])}\``;
  const suggestion = suggestKey(key, knownKeys);
  if (suggestion !== undefined) return `${shown}; did you mean \`${suggestion}\`?`;
  return knownKeys.length <= MAX_LISTED_KEYS
    ? `${shown}; remove it (allowed here: ${knownKeys.map((known) => `\`${known}\``).join(', ')})`
    : `${shown}; remove it, or check its spelling against the documented options`;
}

function walk(node: SchemaNode, input: unknown, path: (string | number)[], issues: ConfigIssue[]): void {
  if (node.type === 'optional' && node.wrapped !== undefined) {
    if (input !== undefined) walk(node.wrapped, input, path, issues);
  } else if (node.type === 'lazy' && node.getter !== undefined) {
    walk(node.getter(input), input, path, issues);
  } else if (node.type === 'array' && node.item !== undefined && Array.isArray(input)) {
    const item = node.item;
    input.forEach((value: unknown, index) => walk(item, value, [...path, index], issues));
  } else if (node.type === 'object' && node.entries !== undefined && isRecord(input)) {
    const entries = node.entries;
    const knownKeys = Object.keys(entries);
    for (const [key, value] of Object.entries(input)) {
      const entry = Object.hasOwn(entries, key) ? entries[key] : undefined;
      if (entry !== undefined) walk(entry, value, [...path, key], issues);
      else issues.push({ path: formatPath([...path, key]), message: unknownKeyMessage(key, knownKeys) });
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Walks a config alongside its schema and reports every key a closed object (the config, `auth`,
 * each template, `dkim`) does not allow, suggesting the nearest allowed key. Open objects such as
 * `tls` and `customHeaders` are not walked.
 *
 * @param schema - The schema the config is checked against.
 * @param input - The config as received.
 * @returns One issue per unknown key, located by path.
 */
export function findUnknownKeys(schema: GenericSchema, input: unknown): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  walk(schema as unknown as SchemaNode, input, [], issues);
  return issues;
}
