/**
 * Parses a command's arguments with `node:util`'s `parseArgs`, turning its errors into usage errors.
 *
 * @module
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.js';

/**
 * Parses a command's options strictly (an unknown option is an error) and collects positionals.
 *
 * @param command - The command's name, for the error's pointer to `--help`.
 * @param args - The arguments after the command name.
 * @param options - The options the command takes.
 * @returns The option values and positional arguments.
 * @throws {@link UsageError} for an unknown option or an option missing its value.
 */
export function parseCommandArgs<const Options extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: string[],
  options: Options,
): ReturnType<typeof parseArgs<{ args: string[]; options: Options; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message, command);
  }
}

/**
 * Takes the one positional argument a command needs: the config file's path.
 *
 * @param command - The command's name, for the error.
 * @param positionals - The positional arguments.
 * @returns The config file's path.
 * @throws {@link UsageError} when there is no path or more than one argument.
 */
export function configPathArgument(command: string, positionals: readonly string[]): string {
  const [path, ...extra] = positionals;
  if (path === undefined) throw new UsageError(`${command} needs the path of a JSON config file`, command);
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`, command);
  return path;
}
