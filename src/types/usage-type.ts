/**
 * The usage types auth systems send: the known ones as a value (data, no logic) and their types.
 *
 * @module
 */

/**
 * The nine known usage types, in the order Logto's SMTP connector lists them. Useful to build an
 * admin screen or to check that a template store covers every type.
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
] as const);

/** The usage types auth systems send; Logto's connector names them the same way. */
export type KnownUsageType = (typeof KNOWN_USAGE_TYPES)[number];

/**
 * Which kind of email to send. Any string is allowed; the known ones autocomplete.
 */
export type UsageType = KnownUsageType | (string & {});
