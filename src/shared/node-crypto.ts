/**
 * `node:crypto`, loaded when first needed: importing it costs about 5 ms, which every
 * `import('auth-mailer')` would pay even when no message is ever signed or sent.
 *
 * @module
 */
import type * as Crypto from 'node:crypto';
import { createRequire } from 'node:module';

let loaded: typeof Crypto | undefined;

/**
 * Returns Node's crypto module, loading it on the first call.
 *
 * @returns `node:crypto`.
 * @example
 * ```ts
 * const id = nodeCrypto().randomUUID();
 * ```
 */
export function nodeCrypto(): typeof Crypto {
  // A built-in resolves the same from anywhere; the Node binary's path is absolute on every system.
  return (loaded ??= createRequire(process.execPath)('node:crypto') as typeof Crypto);
}
