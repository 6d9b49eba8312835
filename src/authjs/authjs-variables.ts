/**
 * What `auth-mailer/authjs` sends, for `auth-mailer check --framework authjs`. Framework-free: it
 * imports no Auth.js code.
 *
 * @module
 */
import type { FrameworkVariables } from '../types/framework-variables.js';

/**
 * The usage type the Auth.js email provider sends, with the payload variables it fills: `link` (the
 * sign-in link Auth.js made, holding the one-time token), `host` (the site's host, as Auth.js's own
 * email says "Sign in to example.com"), `expiresInMinutes` (minutes until the link expires, a
 * whole number) and `locale` (the request's `Accept-Language`, when it names a language).
 * Variables your own `payload` option adds come on top.
 */
export const AUTHJS_VARIABLES: FrameworkVariables = Object.freeze({
  framework: 'authjs',
  variables: Object.freeze({
    MagicLink: Object.freeze(['link', 'host', 'expiresInMinutes', 'locale']),
  }),
});
