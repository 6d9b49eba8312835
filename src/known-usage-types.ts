/**
 * The usage types auth systems send, as a value.
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
