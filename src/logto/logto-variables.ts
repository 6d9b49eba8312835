/**
 * What the Logto connector sends: the payload variables Logto fills for each usage type. No
 * framework code here, so `auth-mailer check --framework logto` reads it without Logto installed.
 *
 * @module
 */
import type { FrameworkVariables } from '../types/framework-variables.js';

/** Logto's context for a verification code: the application, organization and user it was asked for, when known. */
const CODE_VARIABLES = ['code', 'locale', 'uiLocales', 'application', 'organization', 'user'] as const;

/**
 * The payload variables a template may use with `auth-mailer/logto`, per usage type: what Logto
 * core puts in `sendMessage`'s payload (connector-kit 5.1), plus what the connector adds. For
 * `OrganizationInvitation`, Logto sends `link` (never a code); the connector also fills `code` with
 * the link (so a template written for the connector's old default, `{{code}}`, still shows it),
 * `organizationName` and `inviterName`. `organization`, `inviter`, `application` and `user` are
 * objects: templates read them with dotted names (`{{organization.name}}`).
 */
export const LOGTO_VARIABLES: FrameworkVariables = {
  framework: 'logto',
  variables: {
    SignIn: CODE_VARIABLES,
    Register: CODE_VARIABLES,
    ForgotPassword: CODE_VARIABLES,
    Generic: CODE_VARIABLES,
    UserPermissionValidation: CODE_VARIABLES,
    BindNewIdentifier: CODE_VARIABLES,
    MfaVerification: CODE_VARIABLES,
    BindMfa: CODE_VARIABLES,
    OrganizationInvitation: ['link', 'code', 'locale', 'uiLocales', 'organization', 'inviter', 'organizationName', 'inviterName'],
  },
};
