/**
 * How a send ended, for tests that assert the contract "every send either resolves after the
 * server accepted the message or rejects with a MailerError", and a guard against unhandled rejections.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, expect } from 'vitest';
import { isMailerError, type MailerError, type SendResult } from '../../src/index.js';

/** A settled send: its result, or the MailerError it rejected with. */
export type SendOutcome = { result: SendResult; error?: undefined } | { result?: undefined; error: MailerError };

/**
 * Settles a send. Anything but a {@link SendResult} or a {@link MailerError} fails the test.
 *
 * @param sending - The send.
 * @returns Its outcome.
 */
export async function outcomeOf(sending: Promise<SendResult>): Promise<SendOutcome> {
  try {
    return { result: await sending };
  } catch (error) {
    if (!isMailerError(error)) throw new Error(`expected a MailerError, got ${inspect(error)}`);
    return { error };
  }
}

/**
 * Fails the file when any promise rejection went unhandled while its tests ran.
 * Call once at the top level of a test file.
 */
export function expectNoUnhandledRejections(): void {
  const unhandled: unknown[] = [];
  const record = (reason: unknown): void => void unhandled.push(reason);
  beforeAll(() => void process.on('unhandledRejection', record));
  afterAll(() => {
    process.off('unhandledRejection', record);
    expect(unhandled.map((reason) => inspect(reason))).toEqual([]);
  });
}
