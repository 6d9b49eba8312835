/**
 * The config guard the Logto connector exposes: auth-mailer's own config check, in the shape
 * connector-kit's `validateConfig` calls.
 *
 * @module
 */
import { createMailer } from '../create-mailer.js';
import { validateConfig } from '../validate-config.js';
import { MailerError } from '../errors/mailer-error.js';
import type { MailerOptions } from '../types/mailer-options.js';
import type { Transport } from '../types/transport.js';

/** What a guard answers: the config as given, or the MailerError that says what is wrong with it. */
export type ConfigGuardResult = { success: true; data: unknown } | { success: false; error: MailerError };

/**
 * The part of a zod schema Logto uses on a connector's `configGuard`: connector-kit's
 * `validateConfig(config, guard)` calls `safeParse` and throws `ConnectorError(InvalidConfig,
 * result.error)` on failure, which Logto's console shows when a config is saved.
 */
export interface ConfigGuard {
  /**
   * Checks a config as `createMailer` does: every field, every template compiled.
   *
   * @param config - The config as Logto stores it.
   * @returns `{ success: true, data }` with the config unchanged, or `{ success: false, error }` with
   *   the `InvalidConfig` (or `TemplateSyntax`) MailerError listing every problem by path.
   */
  safeParse(config: unknown): ConfigGuardResult;
  /**
   * The same check, throwing.
   *
   * @param config - The config as Logto stores it.
   * @returns The config unchanged.
   * @throws {@link MailerError} `InvalidConfig` or `TemplateSyntax`.
   */
  parse(config: unknown): unknown;
  /**
   * {@link ConfigGuard.safeParse}, as a promise.
   *
   * @param config - The config as Logto stores it.
   * @returns What `safeParse` returns.
   */
  safeParseAsync(config: unknown): Promise<ConfigGuardResult>;
  /**
   * {@link ConfigGuard.parse}, as a promise.
   *
   * @param config - The config as Logto stores it.
   * @returns The config unchanged.
   */
  parseAsync(config: unknown): Promise<unknown>;
}

// The options check builds a mailer around a transport that never sends: nothing opens a connection.
const UNUSED_TRANSPORT: Transport = {
  send: () => Promise.reject(new MailerError('Closed', 'The config guard never sends.')),
};

/**
 * Creates the guard. It runs `validateConfig`, the very check `createMailer` runs for the
 * connector's sends, so a config the guard accepts never fails a send with `InvalidConfig`, and a
 * refused one is reported with auth-mailer's messages (the field's path, the nearest key for a misspelt one), not zod's.
 *
 * @returns The guard.
 */
export function createConfigGuard(): ConfigGuard {
  const safeParse = (config: unknown): ConfigGuardResult => {
    const result = validateConfig(config);
    return result.valid ? { success: true, data: config } : { success: false, error: result.error };
  };
  const parse = (config: unknown): unknown => {
    const result = safeParse(config);
    if (!result.success) throw result.error;
    return result.data;
  };
  return {
    safeParse,
    parse,
    safeParseAsync: async (config) => safeParse(config),
    parseAsync: async (config) => parse(config),
  };
}

// The smallest valid config, to check options on their own.
const PROBE_CONFIG = { host: 'localhost', fromEmail: 'probe@example.com' };

/**
 * Checks mailer options as `createMailer` will at the first send, so that a misspelt option fails
 * when the connector is defined (Logto then skips the connector, logging why) rather than every send.
 *
 * @param options - The options the connector's mailers get.
 * @throws {@link MailerError} `InvalidConfig` naming each bad option by path.
 */
export function checkMailerOptions(options: MailerOptions): void {
  createMailer(PROBE_CONFIG, { ...options, transport: UNUSED_TRANSPORT });
}
