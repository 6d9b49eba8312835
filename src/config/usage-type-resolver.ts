/**
 * Turns the usage type a caller wrote into the one the mailer sends: `sign-in` and `SIGN_IN` are
 * `SignIn`, better-auth's `forget-password` is `ForgotPassword`, and with `strictUsageTypes` an
 * unknown type is refused instead of falling back on `Generic`.
 *
 * @module
 */
import { MailerError, type ConfigIssue } from '../errors/mailer-error.js';
import type { MailerOptions } from '../types/mailer-options.js';
import type { TemplateDefinition } from '../types/template.js';
import { KNOWN_USAGE_TYPES, type UsageType } from '../types/usage-type.js';
import { invalidInput } from './check-against-schema.js';
import { formatPath } from './format-path.js';
import { OPTIONS_WORDING } from './parse-mailer-options.js';
import { suggestKey } from './suggest-key.js';
import { USAGE_TYPE_SYNONYMS, usageTypeKey } from './usage-type-aliases.js';

/**
 * Resolves a request's usage type (see {@link createUsageTypeResolver}).
 *
 * @param type - The type the caller wrote.
 * @param operation - `send` or `render`, for the error's message.
 * @returns The usage type to find a template for, rate-limit and report.
 * @throws {@link MailerError} `TemplateNotFound` under `strictUsageTypes`, for a type the mailer does not know.
 */
export type ResolveUsageType = (type: UsageType, operation: 'send' | 'render') => UsageType;

/** The options that decide how usage types resolve. */
export type UsageTypeOptions = Pick<MailerOptions, 'usageTypeAliases' | 'customUsageTypes' | 'strictUsageTypes' | 'rateLimit'>;

/**
 * Builds the resolver of one mailer. A type is taken as it is when it is a usage type the mailer
 * knows: one of {@link KNOWN_USAGE_TYPES}, a config template's `usageType`, or one of
 * `customUsageTypes` (exact match first, so a template whose `usageType` is literally `sign-in`
 * keeps it). Else, compared without case, `-`, `_`, `.` and spaces, it is looked up in
 * `usageTypeAliases`, then among the spellings of the names the mailer knows (`sign_in` is
 * `SignIn`), then among the frameworks' names for the known types ({@link USAGE_TYPE_SYNONYMS}).
 * Anything else is taken as it is (and falls back on `Generic`), or refused under `strictUsageTypes`.
 *
 * @param options - The aliases, the custom types and whether unknown types are refused.
 * @param templates - The config's templates: their usage types are known.
 * @returns The resolver.
 * @throws {@link MailerError} `InvalidConfig` when an alias names a usage type the mailer does not
 *   know (a typo would otherwise send the `Generic` template), is itself a usage type the mailer
 *   knows (it would never apply), or reads the same as another alias for another type; and when a
 *   `rateLimit.perUsageType` rule is keyed by a name that resolves to another type (sends are
 *   counted under the resolved one, so the rule would never apply), or, under `strictUsageTypes`,
 *   by a type the mailer refuses.
 */
export function createUsageTypeResolver(options: UsageTypeOptions, templates: readonly TemplateDefinition[]): ResolveUsageType {
  const names = new Set<string>([...KNOWN_USAGE_TYPES, ...templates.map((template) => template.usageType), ...(options.customUsageTypes ?? [])]);
  const aliases = options.usageTypeAliases ?? {};
  checkAliases(aliases, names);
  const byKey = new Map<string, UsageType>();
  const add = (key: string, type: UsageType): void => {
    if (!byKey.has(key)) byKey.set(key, type);
  };
  for (const [alias, type] of Object.entries(aliases)) add(usageTypeKey(alias), type);
  for (const name of names) add(usageTypeKey(name), name);
  for (const [key, type] of Object.entries(USAGE_TYPE_SYNONYMS)) add(key, type);
  const strict = options.strictUsageTypes === true;
  checkRuleKeys(Object.keys(options.rateLimit?.perUsageType ?? {}), names, byKey, strict);
  return (type, operation) => {
    if (names.has(type)) return type;
    const resolved = byKey.get(usageTypeKey(type));
    if (resolved !== undefined) return resolved;
    if (strict) throw unknownTypeError(type, operation, names);
    return type;
  };
}

function checkAliases(aliases: Readonly<Record<string, UsageType>>, names: ReadonlySet<string>): void {
  const issues: ConfigIssue[] = [];
  const seen = new Map<string, { alias: string; type: string }>();
  for (const [alias, type] of Object.entries(aliases)) {
    const path = formatPath(['usageTypeAliases', alias]);
    const key = usageTypeKey(alias);
    const earlier = seen.get(key);
    if (names.has(alias)) {
      issues.push({ path, message: `is itself a usage type the mailer knows, always taken as it is: this alias would never apply; remove it` });
    } else if (!names.has(type)) {
      issues.push({ path, message: `aliases \`${type}\`, which is ${notKnown(type, names)}` });
    } else if (earlier !== undefined && earlier.type !== type) {
      issues.push({
        path,
        message: `reads the same as the alias \`${earlier.alias}\` (names are compared without case, -, _, . or spaces) but aliases another type; keep one`,
      });
    }
    if (earlier === undefined) seen.set(key, { alias, type });
  }
  if (issues.length > 0) throw invalidInput(OPTIONS_WORDING, issues);
}

/** Each `perUsageType` key must be the name sends of that type are counted under. */
function checkRuleKeys(keys: readonly string[], names: ReadonlySet<string>, byKey: ReadonlyMap<string, UsageType>, strict: boolean): void {
  const issues: ConfigIssue[] = [];
  for (const key of keys) {
    if (names.has(key)) continue;
    const path = formatPath(['rateLimit', 'perUsageType', key]);
    const resolved = byKey.get(usageTypeKey(key));
    if (resolved !== undefined) {
      issues.push({ path, message: `names \`${resolved}\` another way, and sends are counted under \`${resolved}\`: key the rule by \`${resolved}\`` });
    } else if (strict) {
      issues.push({ path, message: `is ${notKnown(key, names)}` });
    }
  }
  if (issues.length > 0) throw invalidInput(OPTIONS_WORDING, issues);
}

/** Why `type` is unknown, and the nearest name the mailer knows. */
function notKnown(type: string, names: ReadonlySet<string>): string {
  const byKey = new Map([...names].map((name) => [usageTypeKey(name), name]));
  const nearest = byKey.get(suggestKey(usageTypeKey(type), [...byKey.keys()]) ?? '');
  const suggestion =
    nearest === undefined ? `the usage types it knows are ${[...names].join(', ')}.` : `did you mean \`${nearest}\`?`;
  return (
    'not a usage type the mailer knows (a known one, a config template\'s usageType, or one of customUsageTypes, ' +
    `where a template store's own types belong); ${suggestion}`
  );
}

function unknownTypeError(type: string, operation: string, names: ReadonlySet<string>): MailerError {
  return new MailerError(
    'TemplateNotFound',
    `Cannot ${operation} ${JSON.stringify(type)}: strictUsageTypes refuses it, since it is ${notKnown(type, names)} Nothing was sent.`,
  );
}
