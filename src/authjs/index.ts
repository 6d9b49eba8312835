/**
 * `auth-mailer/authjs`: Auth.js's email sign-in (magic links) sent through a `Mailer`, with no
 * second nodemailer. Needs `@auth/core` (an optional peer dependency: `npm install @auth/core`;
 * next-auth v5 apps have it beside next-auth). The main entry never loads it.
 *
 * @packageDocumentation
 */
export { authjsEmailProvider, type AuthjsEmailProviderOptions } from './authjs-email-provider.js';
export {
  sendVerificationRequest,
  type AuthjsSendOptions,
  type AuthjsSendVerificationRequest,
  type AuthjsVerificationRequest,
} from './send-verification-request.js';
export { mailerErrorOf } from './mailer-error-of.js';
export { AUTHJS_VARIABLES } from './authjs-variables.js';
export { AUTHJS_USAGE_TYPES } from './authjs-usage-types.js';
export type { FrameworkVariables } from '../types/framework-variables.js';
