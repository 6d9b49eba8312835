/**
 * Checks a template that a template store returned with the schema the config's templates pass:
 * a store's output is data, no more trusted than a config file.
 *
 * @module
 */
import { isMailerError } from '../errors/mailer-error.js';
import { describeTemplate } from '../shared/describe-template.js';
import type { TemplateDefinition } from '../types/template.js';
import { checkAgainstSchema, invalidInput } from './check-against-schema.js';
import { buildTemplateSchema } from './config-schema.js';

let schema: ReturnType<typeof buildTemplateSchema> | undefined;

/**
 * Checks what `findTemplate(usageType, locale)` returned as a config template is checked:
 * `usageType`, `contentType`, `subject` and `content` present, `sendFrom` and `replyTo` single
 * addresses, `locale` a language tag, no line break in a one-line field. Other keys (a database
 * row's `id`, `tenantId`) are left out of the result.
 *
 * @param answer - The store's answer, neither `undefined` nor `null`.
 * @param usageType - The usage type the store was asked for.
 * @param locale - The locale the store was asked for, or `undefined`.
 * @returns A fresh template holding the checked fields only.
 * @throws {MailerError} `InvalidConfig` (not retryable: the store would return the same) naming the
 *   store, the usage type and locale asked for, with an issue per field (`sendFrom`, `contentType`);
 *   messages never repeat a value.
 * @example
 * ```ts
 * parseStoredTemplate({ ...row, sendFrom: 'Acme Support' }, 'SignIn', 'pt-BR');
 * // throws InvalidConfig: Invalid template "SignIn" (locale "pt-BR") from the template store (1 problem):
 * //   - sendFrom: must be an email address with a domain, such as ...
 * ```
 */
export function parseStoredTemplate(answer: unknown, usageType: string, locale: string | undefined): TemplateDefinition {
  const wording = {
    subject: `${describeTemplate(usageType, locale)} from the template store`,
    root: 'template',
    fix: 'Fix that template in the store (or have findTemplate return undefined for it). Nothing was sent.',
  };
  try {
    return checkAgainstSchema((schema ??= buildTemplateSchema()), answer, wording, true);
  } catch (error) {
    if (isMailerError(error)) throw error;
    throw invalidInput(wording, [{ path: '', message: 'reading it threw (a getter or proxy; see cause); return plain data' }], error);
  }
}
