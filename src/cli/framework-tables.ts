/**
 * The frameworks `auth-mailer check --framework <name>` knows: each adapter's table of what it sends.
 *
 * @module
 */
import { AUTHJS_VARIABLES } from '../authjs/authjs-variables.js';
import { BETTER_AUTH_VARIABLES } from '../better-auth/better-auth-variables.js';
import { LOGTO_VARIABLES } from '../logto/logto-variables.js';
import type { FrameworkVariables } from '../types/framework-variables.js';

/** Each framework adapter's table, by the name `--framework` takes. */
export const FRAMEWORK_TABLES: Readonly<Record<string, FrameworkVariables>> = Object.freeze(
  Object.fromEntries([BETTER_AUTH_VARIABLES, AUTHJS_VARIABLES, LOGTO_VARIABLES].map((table) => [table.framework, table])),
);
