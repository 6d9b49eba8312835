/**
 * The contract between an adapter and `auth-mailer check --framework`: which usage types a framework
 * sends and which payload variables it fills for each. No runtime code lives here.
 *
 * @module
 */
import type { UsageType } from './usage-type.js';

/**
 * What one framework's adapter sends: for each usage type it sends, the payload variables it may
 * fill. `check --framework <name>` warns about a template variable that is not in this list, since
 * such a send would fail with `MissingVariable` (or render an empty section) in production.
 *
 * @example
 * ```ts
 * const sends: FrameworkVariables = {
 *   framework: 'example-auth',
 *   variables: { SignIn: ['code', 'locale'], MagicLink: ['link', 'locale'] },
 * };
 * ```
 */
export interface FrameworkVariables {
  /** The name `check --framework` takes (`better-auth`, `authjs`, `logto`). */
  readonly framework: string;
  /** Each usage type the adapter sends, with the payload variables it may set for it. */
  readonly variables: Readonly<Partial<Record<UsageType, readonly string[]>>>;
}
