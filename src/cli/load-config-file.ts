/**
 * Reads a JSON config file and fills in `"${NAME}"` values from the environment.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { MailerError, type ConfigIssue } from '../errors/mailer-error.js';
import { formatPath } from '../config/format-path.js';
import { locateJsonSyntaxError } from './locate-json-syntax-error.js';

// The whole string must be the reference: "${SMTP_PASS}", not "pass-${X}".
const ENV_REFERENCE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/** The deepest nesting a config file may have: `tls.pfx[0].buf` is four levels, so 64 leaves room to spare. */
const MAX_CONFIG_DEPTH = 64;

/**
 * Reads a JSON config file. Every string value that is exactly `"${NAME}"` (at any depth, in
 * objects and arrays) is replaced by the environment variable `NAME`, so secrets stay out of the file.
 *
 * @param file - The config file's path.
 * @param env - The environment to read variables from.
 * @returns The config, not yet validated.
 * @throws {@link MailerError} `InvalidConfig` when the file cannot be read, is not JSON (saying the
 *   line and column, never quoting the file), or names an unset variable (one issue per reference,
 *   at the path where it appears).
 */
export async function loadConfigFile(file: string, env: Readonly<Record<string, string | undefined>>): Promise<unknown> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new MailerError('InvalidConfig', `Cannot read the config file ${file} (${code}): check the path.`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch {
    // JSON.parse's message quotes the text around the error: a password's first characters, perhaps.
    const found = locateJsonSyntaxError(source);
    const where = found === undefined ? '' : ` at line ${found.line}, column ${found.column}: ${found.problem}`;
    throw new MailerError('InvalidConfig', `The config file ${file} is not valid JSON${where}. Fix the JSON there and try again.`);
  }
  if (exceedsDepth(parsed, MAX_CONFIG_DEPTH)) {
    throw new MailerError(
      'InvalidConfig',
      `The config file ${file} nests objects or arrays more than ${MAX_CONFIG_DEPTH} levels deep; a mailer config needs a handful. Flatten it and try again.`,
    );
  }
  return substituteEnvironment(parsed, env, file);
}

/**
 * Whether a parsed JSON value nests deeper than `limit`, found without recursion: the walks that
 * follow (environment references, warnings) recurse, and a hostile file could overflow them.
 */
function exceedsDepth(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * Replaces every string that is exactly `"${NAME}"` in a parsed JSON value by the variable `NAME`.
 *
 * @param value - The parsed JSON.
 * @param env - The environment to read variables from.
 * @param source - Names the config in the error message.
 * @returns A copy with the references filled in.
 * @throws {@link MailerError} `InvalidConfig` naming every unset variable and where it is used.
 */
function substituteEnvironment(
  value: unknown,
  env: Readonly<Record<string, string | undefined>>,
  source = 'the config',
): unknown {
  const issues: ConfigIssue[] = [];
  const missing = new Set<string>();
  const visit = (node: unknown, path: (string | number)[]): unknown => {
    if (typeof node === 'string') {
      const name = ENV_REFERENCE.exec(node)?.[1];
      if (name === undefined) return node;
      const resolved = env[name];
      if (resolved === undefined) {
        missing.add(name);
        issues.push({ path: formatPath(path), message: `the environment variable ${name} is not set` });
      }
      return resolved;
    }
    if (Array.isArray(node)) return node.map((item, index) => visit(item, [...path, index]));
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, visit(item, [...path, key])]));
    }
    return node;
  };
  const result = visit(value, []);
  if (issues.length > 0) {
    const names = [...missing].join(', ');
    throw new MailerError('InvalidConfig', `${source} uses unset environment variables: ${names}. Set them and try again.`, {
      issues,
    });
  }
  return result;
}
