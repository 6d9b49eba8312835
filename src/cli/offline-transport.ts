/**
 * A transport for commands that must never touch the network (`check`, `render`).
 *
 * @module
 */
import { MailerError } from '../errors/mailer-error.js';
import type { Transport } from '../types/transport.js';

/**
 * Creates a transport that refuses to send, so a mailer built for validation or preview cannot
 * open a connection by accident.
 *
 * @returns The transport; its `send` always rejects.
 */
export function createOfflineTransport(): Transport {
  return {
    send: () => Promise.reject(new MailerError('Unavailable', 'This mailer only validates and renders; it does not send.')),
  };
}
