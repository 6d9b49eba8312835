/**
 * Loads Auth.js's `EmailSignInError`, the error a failed verification email reaches Auth.js as, from
 * the optional peer dependency `@auth/core` on first use.
 *
 * @module
 */
import type { EmailSignInError } from '@auth/core/errors';
import { importOptional } from '../shared/import-optional.js';
import { loadOnce } from '../shared/load-once.js';

/**
 * Imports `@auth/core/errors` once per process (a failed load is tried again at the next call).
 *
 * @returns The `EmailSignInError` class of the `@auth/core` the app resolves.
 * @throws {@link index!MailerError} `InvalidConfig` whose message and `hint` say `npm install @auth/core`
 *   when it is missing (next-auth users with pnpm: add it beside next-auth, as Auth.js's docs say).
 */
export const loadEmailSignInError: () => Promise<typeof EmailSignInError> = loadOnce(() =>
  importOptional(() => import('@auth/core/errors'), ['@auth/core'], 'the Auth.js email provider', 'runtime').then(
    (errors) => errors.EmailSignInError,
  ),
);
