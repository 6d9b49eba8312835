/**
 * Loads an optional peer dependency, and says which package to install when it is missing.
 *
 * @module
 */
import { MailerError } from '../errors/mailer-error.js';

/**
 * Runs `load` (a literal `import('package')`, so bundlers still see it) and turns "module not
 * found" for one of `packages` into a {@link MailerError} that names what to install. Any other
 * failure is passed on as it is.
 *
 * @param load - Imports the packages.
 * @param packages - The optional peer dependencies `load` imports, as npm names them.
 * @param feature - What needs them, for the message: `the SMTP sink`.
 * @param dependencyKind - `dev` for what only tests use (the install command says `--save-dev`),
 *   `runtime` for what a production app runs on.
 * @returns What `load` resolved with.
 * @throws {@link MailerError} `InvalidConfig` with a `hint` holding the `npm install` command, when
 *   a package is missing.
 * @example
 * ```ts
 * const [{ SMTPServer }] = await importOptional(() => Promise.all([import('smtp-server')]), ['smtp-server'], 'the SMTP sink');
 * ```
 */
export async function importOptional<T>(
  load: () => Promise<T>,
  packages: readonly string[],
  feature: string,
  dependencyKind: 'dev' | 'runtime' = 'dev',
): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const missing = packages.find((name) => isNotFound(error, name));
    if (missing === undefined) throw error;
    const install = `npm install ${dependencyKind === 'dev' ? '--save-dev ' : ''}${packages.join(' ')}`;
    throw new MailerError(
      'InvalidConfig',
      `Cannot start ${feature}: the package \`${missing}\` is not installed. auth-mailer lists it as an optional peer ` +
        `dependency, so production installs do without it. Install it: ${install}`,
      { hint: install, cause: error },
    );
  }
}

/** Whether `error` is Node's "cannot find package `name`" (ESM or CommonJS). */
function isNotFound(error: unknown, name: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    typeof message === 'string' &&
    (message.includes(`'${name}'`) || message.includes(`"${name}"`))
  );
}
