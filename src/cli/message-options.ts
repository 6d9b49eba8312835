/**
 * The options `send` and `render` share: recipient, usage type and template variables.
 *
 * @module
 */
import type { RenderRequest } from '../types/send.js';
import { parseVariables } from './parse-variables.js';
import { UsageError } from './usage-error.js';

/** The `parseArgs` options for a message: `--to`, `--type`, `--code`, `--locale`, `--var` (repeatable). */
export const MESSAGE_OPTIONS = {
  to: { type: 'string' },
  type: { type: 'string' },
  code: { type: 'string' },
  locale: { type: 'string' },
  var: { type: 'string', multiple: true },
} as const;

/** The parsed values of {@link MESSAGE_OPTIONS}. */
export interface MessageOptionValues {
  /** The recipient. */
  to?: string;
  /** The usage type. */
  type?: string;
  /** The verification code. */
  code?: string;
  /** The locale tag choosing the template. */
  locale?: string;
  /** `key=value` template variables. */
  var?: string[];
}

/**
 * Builds the mailer request from the message options; `--code` and `--locale` win over `--var`
 * pairs of the same name.
 *
 * @param command - The command's name, for errors.
 * @param values - The parsed options.
 * @returns The request, with `to` only when `--to` was given.
 * @throws {@link UsageError} when `--type` is missing or a `--var` is malformed.
 */
export function toMessageRequest(command: string, values: MessageOptionValues): RenderRequest {
  if (values.type === undefined || values.type === '') {
    throw new UsageError(`${command} needs --type <usageType> (such as SignIn or Generic)`, command);
  }
  const payload = {
    ...parseVariables(values.var ?? [], command),
    ...(values.code === undefined ? {} : { code: values.code }),
    ...(values.locale === undefined ? {} : { locale: values.locale }),
  };
  return { type: values.type, payload, ...(values.to === undefined ? {} : { to: values.to }) };
}
