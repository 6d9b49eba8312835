import { inspect } from 'node:util';
import { isMailerError, type MailerError } from '../../src/errors/mailer-error.js';

/**
 * Settles an operation that must fail. A resolved value or anything but a MailerError fails the test.
 *
 * @param operation - The send, verify or probe.
 * @returns The MailerError it rejected with.
 */
export async function failureOf(operation: Promise<unknown>): Promise<MailerError> {
  const error = await operation.then(
    (value: unknown) => new Error(`expected a failure, got ${inspect(value)}`),
    (reason: unknown) => reason,
  );
  if (!isMailerError(error)) throw new Error(`expected a MailerError, got ${inspect(error)}`);
  return error;
}
