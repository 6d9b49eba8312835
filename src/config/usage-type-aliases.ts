/**
 * The other names auth frameworks give the known usage types, and the spelling-blind key every
 * name is compared by. Data, and one small function.
 *
 * @module
 */
import type { KnownUsageType } from '../types/usage-type.js';

/**
 * A usage type name reduced to what a spelling leaves of it: lowercase, without `-`, `_`, `.` or
 * spaces. `sign-in`, `sign_in`, `SIGN_IN`, `Sign In` and `signin` all give `signin`, as `SignIn` does.
 *
 * @param name - A usage type as written.
 * @returns Its key.
 */
export function usageTypeKey(name: string): string {
  return name.toLowerCase().replace(/[\s._-]+/g, '');
}

/**
 * What the auth frameworks call the known usage types, by {@link usageTypeKey}. Spellings of a
 * usage type's own name (`sign-in` for `SignIn`) need no entry: they are derived from the names.
 *
 * - better-auth's `emailOTP` plugin sends `sign-in`, `email-verification`, `forget-password` and
 *   `change-email`. `email-verification` is the code that proves an address before the account
 *   uses it, on sign-up above all: Logto's `Register` is that code, so it maps there.
 * - Supabase's auth email hook names `signup`, `recovery`, `invite`, `email_change` and
 *   `reauthentication` (the code asked before a sensitive change, Logto's `UserPermissionValidation`).
 * - Logto's connectors still know the deprecated `Test`, which Logto replaced with `Generic`.
 * - Common words: `sign-up`, `password-reset`, `reset-password`, `invitation`, `two-factor`, `2fa`, `mfa`.
 */
export const USAGE_TYPE_SYNONYMS: Readonly<Record<string, KnownUsageType>> = Object.freeze({
  signup: 'Register',
  emailverification: 'Register',
  forgetpassword: 'ForgotPassword',
  passwordreset: 'ForgotPassword',
  resetpassword: 'ForgotPassword',
  recovery: 'ForgotPassword',
  changeemail: 'BindNewIdentifier',
  emailchange: 'BindNewIdentifier',
  invite: 'OrganizationInvitation',
  invitation: 'OrganizationInvitation',
  reauthentication: 'UserPermissionValidation',
  twofactor: 'MfaVerification',
  '2fa': 'MfaVerification',
  mfa: 'MfaVerification',
  test: 'Generic',
});
