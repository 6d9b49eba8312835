/**
 * Which of our usage types each Logto template type is sent as.
 *
 * @module
 */
import type { KnownUsageType, UsageType } from '../types/usage-type.js';

/**
 * Logto's `TemplateType` values (connector-kit 5.1) and the usage type auth-mailer sends each as.
 * The names are the same on both sides; the table says so explicitly, so a renamed or new Logto
 * type shows up here rather than in a template lookup.
 */
export const LOGTO_USAGE_TYPES: Readonly<Record<string, KnownUsageType>> = Object.freeze({
  SignIn: 'SignIn',
  Register: 'Register',
  ForgotPassword: 'ForgotPassword',
  Generic: 'Generic',
  OrganizationInvitation: 'OrganizationInvitation',
  UserPermissionValidation: 'UserPermissionValidation',
  BindNewIdentifier: 'BindNewIdentifier',
  MfaVerification: 'MfaVerification',
  BindMfa: 'BindMfa',
});

/**
 * The usage type a Logto template type is sent as.
 *
 * @param templateType - `data.type` of Logto's `sendMessage`.
 * @returns Ours from the table; a type Logto adds later is sent under its own name (its template,
 *   else `Generic`, as for any usage type).
 */
export function usageTypeOf(templateType: string): UsageType {
  return Object.hasOwn(LOGTO_USAGE_TYPES, templateType) ? (LOGTO_USAGE_TYPES[templateType] as KnownUsageType) : templateType;
}
