/**
 * Keeps the mailers the Logto connector created, one per config, so that sends reuse a pool of
 * connections instead of opening one per message.
 *
 * @module
 */
import type { Mailer } from '../mailer.js';
import { createConfigKeyer } from './config-key.js';

/** The mailers of one connector factory, by config. */
export interface MailerCache {
  /**
   * The mailer for `config`: the one created for an equal config before, else a new one from
   * `create`. When more than `size` configs are held, the least recently used mailer is closed
   * (its sends in flight finish first), as happens to the old mailer when the config is changed.
   *
   * @param config - The config as Logto stores it.
   * @param scope - Sets apart mailers for equal configs that must not be shared (each Logto tenant
   *   has its own email templates, served by a store bound to the tenant).
   * @param create - Creates the mailer for a config not seen (or closed) yet; may throw.
   * @returns The mailer to send with.
   * @throws {@link MailerError} `InvalidConfig` when the config is not JSON data, and what `create` throws.
   */
  mailerFor(config: unknown, scope: string, create: () => Mailer): Mailer;
  /** How many mailers are open. */
  readonly size: number;
  /** Closes every mailer; a later `mailerFor` creates new ones. */
  close(): Promise<void>;
}

/**
 * Creates an empty cache. Its keys are keyed hashes of the configs (see `createConfigKeyer`), never
 * the configs: a password, token or key changed in Logto's console gives a new mailer, and no
 * secret is kept in a key.
 *
 * @param size - How many configs keep a mailer at once (1: a config change closes the old mailer).
 * @param onCloseError - Told when closing a replaced mailer fails; the send that replaced it goes on.
 * @returns The cache.
 */
export function createMailerCache(size: number, onCloseError: (error: unknown) => void): MailerCache {
  const keyOf = createConfigKeyer();
  // A Map iterates in insertion order: deleting and setting again on use keeps the oldest first.
  const mailers = new Map<string, Mailer>();
  return {
    mailerFor(config, scope, create) {
      const key = `${scope}:${keyOf(config)}`;
      const kept = mailers.get(key);
      if (kept !== undefined) {
        mailers.delete(key);
        mailers.set(key, kept);
        return kept;
      }
      const mailer = create();
      mailers.set(key, mailer);
      for (const [oldKey, old] of mailers) {
        if (mailers.size <= size) break;
        mailers.delete(oldKey);
        old.close().catch(onCloseError);
      }
      return mailer;
    },
    get size() {
      return mailers.size;
    },
    async close() {
      const open = [...mailers.values()];
      mailers.clear();
      await Promise.all(open.map((mailer) => mailer.close()));
    },
  };
}
