/**
 * Loads Auth.js's `EmailSignInError`, the error a failed verification email reaches Auth.js as, from
 * the optional peer dependency `@auth/core` on first use.
 *
 * @module
 */
import type { EmailSignInError } from '@auth/core/errors';
import { importOptional } from '../shared/import-optional.js';

let loading: Promise<typeof EmailSignInError> | undefined;

/**
 * Imports `@auth/core/errors` once per process.
 *
 * @returns The `EmailSignInError` class of the `@auth/core` the app resolves.
 * @throws {@link index!MailerError} `InvalidConfig` whose message and `hint` say `npm install @auth/core`
 *   when it is missing (next-auth users with pnpm: add it beside next-auth, as Auth.js's docs say).
 */
export function loadEmailSignInError(): Promise<typeof EmailSignInError> {
  const current = (loading ??= importOptional(
    () => import('@auth/core/errors'),
    ['@auth/core'],
    'the Auth.js email provider',
    'runtime',
  ).then((errors) => errors.EmailSignInError));
  // A failed load is tried again next time (the package may have been installed meanwhile).
  current.catch(() => (loading = undefined));
  return current;
}
