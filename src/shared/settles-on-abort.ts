/**
 * The mark of a transport that needs no watching: its `send` settles as soon as its signal aborts.
 *
 * @module
 */
import type { Transport } from '../types/transport.js';

/**
 * Set to `true` on a transport whose `send` promise is known to reject as soon as its signal
 * aborts, in every state of a delivery (the default SMTP transport: nodemailer 10 fails a queued or
 * running message on abort). The mailer then awaits such a `send` directly instead of racing it
 * against the signal, which spares every send a promise and an abort listener. Internal: a user's
 * transport is always raced, since nothing proves it honours the signal.
 */
export const SETTLES_ON_ABORT: unique symbol = Symbol('auth-mailer.settlesOnAbort');

/** A {@link Transport} that may carry the {@link SETTLES_ON_ABORT} mark. */
export type MarkedTransport = Transport & { readonly [SETTLES_ON_ABORT]?: true };

/**
 * Tells whether `transport` carries the {@link SETTLES_ON_ABORT} mark.
 *
 * @param transport - The mailer's transport.
 * @returns `true` when its `send` needs no race against the signal.
 */
export function settlesOnAbort(transport: Transport): boolean {
  return (transport as MarkedTransport)[SETTLES_ON_ABORT] === true;
}
