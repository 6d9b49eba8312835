/**
 * Checks the shape of a send or render request before anything reads it, so a caller's mistake
 * (from plain JavaScript, or untyped data) is a clear {@link MailerError}, never a `TypeError`.
 *
 * @module
 */
import { kindOf } from '../shared/kind-of.js';
import { MailerError } from '../errors/mailer-error.js';
import type { RenderRequest } from '../types/send.js';
import type { TemplatePayload } from '../types/template.js';

/** A request whose shape was checked: `payload` is always an object. */
export type CheckedRequest = RenderRequest & { payload: TemplatePayload };

/**
 * Checks that `request` is an object with a usage type string and, when present, a payload object.
 * The recipient is left to `parseRecipient`.
 *
 * @param request - What the caller passed to `send` or `render`.
 * @param operation - `send` or `render`, for the messages.
 * @returns The request, with an absent payload replaced by `{}`.
 * @throws {@link MailerError} `InvalidRecipient` when `request` is not an object (it holds no
 *   recipient); `TemplateNotFound` when `type` is not a non-empty string; `MissingVariable` when
 *   `payload` is present but not a plain object (`null`, a string, an array...).
 * @example
 * ```ts
 * checkRequest({ to: 'ada@example.com', type: 'SignIn' }, 'send'); // payload becomes {}
 * checkRequest(null, 'send'); // throws InvalidRecipient
 * ```
 */
export function checkRequest(request: unknown, operation: 'send' | 'render'): CheckedRequest {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    throw new MailerError(
      'InvalidRecipient',
      `Cannot ${operation}: the request must be an object such as { to: 'ada@example.com', type: 'SignIn', payload: { code } }, not ${kindOf(request)}.`,
    );
  }
  const { type, payload } = request as Record<string, unknown>;
  if (typeof type !== 'string' || type === '') {
    throw new MailerError(
      'TemplateNotFound',
      `Cannot ${operation}: type must be a usage type string such as 'SignIn' or 'Generic', not ${type === '' ? 'an empty string' : kindOf(type)}.`,
    );
  }
  if (payload !== undefined && (typeof payload !== 'object' || payload === null || Array.isArray(payload))) {
    throw new MailerError(
      'MissingVariable',
      `Cannot ${operation} ${JSON.stringify(type)}: payload must be an object of template variables such as { code: '123456' }, not ${kindOf(payload)}.`,
    );
  }
  return { ...(request as RenderRequest), payload: (payload ?? {}) as TemplatePayload };
}
