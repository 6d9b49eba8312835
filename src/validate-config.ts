/**
 * Checks a config as `createMailer` does, without creating a mailer: for a settings form or a
 * deploy check.
 *
 * @module
 */
import type { MailerConfig } from './config/mailer-config.js';
import { parseConfig } from './config/parse-config.js';
import { unreadableInputError } from './config/unreadable-input.js';
import { isMailerError, type ConfigIssue, type MailerError } from './errors/mailer-error.js';
import { summaryOf } from './errors/summary-of.js';
import { TemplateTable } from './templates/template-table.js';

/** What {@link validateConfig} found. */
export type ConfigValidation =
  | {
      /** The config would create a mailer. */
      readonly valid: true;
      /** The value checked, typed: `createMailer` takes it unchanged. */
      readonly config: MailerConfig;
    }
  | {
      /** The config would not create a mailer. */
      readonly valid: false;
      /** Every problem, by path (`port`, `auth.pass`, `templates[2]` for a template that does not compile). */
      readonly issues: ConfigIssue[];
      /** What `createMailer` would throw: `InvalidConfig`, or `TemplateSyntax` for the first broken template. */
      readonly error: MailerError;
    };

/**
 * Checks a config the way {@link createMailer} does (every field, unknown keys, placeholders, and
 * every template compiled) and returns what it found instead of throwing. Nothing connects. The
 * second argument of `createMailer`, the options, is not checked here.
 *
 * @param config - The config as the user gave it, typically parsed JSON or a form's fields.
 * @returns `{ valid: true, config }` with the same value typed as {@link MailerConfig}, or
 *   `{ valid: false, issues, error }`: every problem by path (a template that does not compile is
 *   named by its index, `templates[2]`), and the {@link MailerError} `createMailer` would throw.
 *   Messages never repeat a value, so no secret can leak through them.
 *
 * @example
 * ```ts
 * import { validateConfig } from 'auth-mailer';
 *
 * const result = validateConfig(JSON.parse(body));
 * if (!result.valid) return Response.json({ issues: result.issues }, { status: 422 });
 * const mailer = createMailer(result.config);
 * ```
 */
export function validateConfig(config: unknown): ConfigValidation {
  try {
    const { templates } = parseConfig(config);
    const issues: ConfigIssue[] = [];
    let first: MailerError | undefined;
    templates.forEach((template, index) => {
      try {
        // Compiles the template as the mailer's template table does when it is created.
        new TemplateTable([template], { source: 'config' });
      } catch (error) {
        if (!isMailerError(error)) throw error;
        first ??= error;
        issues.push({ path: `templates[${index}]`, message: summaryOf(error) });
      }
    });
    return first === undefined ? { valid: true, config: config as MailerConfig } : { valid: false, issues, error: first };
  } catch (error) {
    const reported = isMailerError(error) ? error : unreadableInputError('check the config', 'the config', error);
    return { valid: false, issues: reported.issues ?? [], error: reported };
  }
}
