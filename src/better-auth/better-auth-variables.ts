/**
 * What the better-auth adapter sends, for `auth-mailer check --framework better-auth`: framework-free
 * data, no runtime dependency.
 *
 * @module
 */
import type { FrameworkVariables } from '../types/framework-variables.js';

/**
 * Each usage type {@link betterAuthEmails} sends, with the payload variables it fills. `locale` is
 * set when the request names a language (or your `locale` option returns one).
 */
export const BETTER_AUTH_VARIABLES: FrameworkVariables = Object.freeze({
  framework: 'better-auth',
  variables: Object.freeze({
    VerifyEmailLink: ['link', 'locale'],
    ResetPasswordLink: ['link', 'locale'],
    UserPermissionValidation: ['link', 'newEmail', 'locale'],
    MagicLink: ['link', 'locale'],
    OrganizationInvitation: ['link', 'organizationName', 'inviterName', 'locale'],
    MfaVerification: ['code', 'locale'],
    SignIn: ['code', 'locale'],
    Register: ['code', 'locale'],
    ForgotPassword: ['code', 'locale'],
    BindNewIdentifier: ['code', 'locale'],
  }),
});
