/**
 * How many sends the mailer hands to its transport at once: the one place that default is chosen.
 *
 * @module
 */
import type { ResolvedMailerConfig } from '../config/mailer-config.js';
import { MailerError } from '../errors/mailer-error.js';

/** nodemailer's pool size when the config sets no `maxConnections`. */
const DEFAULT_MAX_CONNECTIONS = 5;

/** The window for a transport of the caller's own, whose concurrency the mailer cannot know. */
const DEFAULT_CUSTOM_TRANSPORT_IN_FLIGHT = 64;

/**
 * Resolves `MailerOptions.maxInFlight`. The default depends on the transport: for the default SMTP
 * transport it is twice `maxConnections` (10 with the defaults), so every connection has one
 * message on the wire and the next one ready; with `pool: false`, where each message opens its own
 * connection, it also caps the connections open at once. For a transport of the caller's own it is
 * 64.
 *
 * @param maxInFlight - The caller's value, if any.
 * @param customTransport - Whether the caller gave a transport of their own.
 * @param config - The resolved config, for `maxConnections`.
 * @returns The most sends handed to the transport at once.
 * @throws {@link MailerError} `InvalidConfig` when `maxInFlight` is not a whole number of at least 1.
 */
export function resolveInFlightLimit(
  maxInFlight: number | undefined,
  customTransport: boolean,
  config: ResolvedMailerConfig,
): number {
  if (maxInFlight !== undefined) {
    if (Number.isInteger(maxInFlight) && maxInFlight >= 1) return maxInFlight;
    const message = 'must be a whole number of at least 1';
    throw new MailerError('InvalidConfig', `Invalid maxInFlight: ${message}.`, { issues: [{ path: 'maxInFlight', message }] });
  }
  if (customTransport) return DEFAULT_CUSTOM_TRANSPORT_IN_FLIGHT;
  return 2 * (config.smtp.maxConnections ?? DEFAULT_MAX_CONNECTIONS);
}
