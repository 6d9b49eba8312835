/**
 * The waiting behind `waitFor`: pending waits for a matching message, settled as messages arrive.
 *
 * @module
 */
import { MailerError } from '../errors/mailer-error.js';

interface Waiter<Message> {
  matches: (message: Message) => boolean;
  resolve: (message: Message) => void;
}

/**
 * Waits that resolve with the first matching message to arrive, or reject after a timeout.
 *
 * @template Message - The kind of message waited for.
 */
export class MessageWaiters<Message> {
  #waiters = new Set<Waiter<Message>>();

  /**
   * Waits for the next message that matches.
   *
   * @param matches - Whether a message is the one waited for.
   * @param timeout - Milliseconds to wait.
   * @param operation - Names the wait in the error, such as `waitFor`.
   * @returns The first matching message to arrive.
   * @throws {@link index!MailerError} `Unavailable` when none arrives in time.
   */
  wait(matches: (message: Message) => boolean, timeout: number, operation: string): Promise<Message> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter<Message> = {
        matches,
        resolve: (message) => {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          resolve(message);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new MailerError('Unavailable', `${operation}: no matching message arrived within ${timeout} ms`));
      }, timeout);
      this.#waiters.add(waiter);
    });
  }

  /**
   * Hands a new message to every wait it matches.
   *
   * @param message - The message that arrived.
   */
  notify(message: Message): void {
    for (const waiter of this.#waiters) if (waiter.matches(message)) waiter.resolve(message);
  }
}
