/**
 * Which of our usage types each email Auth.js asks for is sent as. Auth.js sends one email: the
 * email provider's verification request, a sign-in link (Auth.js does not send codes).
 *
 * @module
 */
import type { UsageType } from '../types/usage-type.js';

/**
 * Auth.js's emails by the name Auth.js gives them, each with the usage type it is sent as.
 *
 * | Auth.js | auth-mailer |
 * | --- | --- |
 * | the email provider's `sendVerificationRequest` (sign in, and sign up on first use) | `MagicLink` |
 */
export const AUTHJS_USAGE_TYPES = Object.freeze({
  /** The email provider's sign-in link, sent as a magic link. */
  sendVerificationRequest: 'MagicLink',
} as const satisfies Record<string, UsageType>);
