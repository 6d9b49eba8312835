import type { KnownUsageType } from '../../src/types.js';

/** The nine known usage types, in the order Logto's SMTP connector lists them. */
export const USAGE_TYPES: readonly KnownUsageType[] = [
  'Register',
  'SignIn',
  'ForgotPassword',
  'Generic',
  'OrganizationInvitation',
  'UserPermissionValidation',
  'BindNewIdentifier',
  'MfaVerification',
  'BindMfa',
];
