/**
 * The usage types auth systems send: the known ones as a value (data, no logic) and their types.
 *
 * @module
 */

/**
 * The twelve known usage types: the nine Logto's SMTP connector sends, in its order, then the three
 * link-first ones (`MagicLink`, `VerifyEmailLink`, `ResetPasswordLink`) that link-based auth
 * systems (better-auth, Auth.js) send. Useful to build an admin screen or to check that a template
 * store covers every type.
 *
 * @example
 * ```ts
 * import { KNOWN_USAGE_TYPES } from 'auth-mailer';
 *
 * for (const type of KNOWN_USAGE_TYPES) console.log(type, await mailer.render({ type, payload: { code: '123456' } }));
 * ```
 */
export const KNOWN_USAGE_TYPES = Object.freeze([
  'Register',
  'SignIn',
  'ForgotPassword',
  'Generic',
  'OrganizationInvitation',
  'UserPermissionValidation',
  'BindNewIdentifier',
  'MfaVerification',
  'BindMfa',
  'MagicLink',
  'VerifyEmailLink',
  'ResetPasswordLink',
] as const);

/** The usage types auth systems send; Logto's connector names the first nine the same way. */
export type KnownUsageType = (typeof KNOWN_USAGE_TYPES)[number];

/**
 * Which kind of email to send. Any string is allowed; the known ones autocomplete.
 */
export type UsageType = KnownUsageType | (string & {});
