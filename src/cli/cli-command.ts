/**
 * The shape every CLI command has. No runtime code lives here.
 *
 * @module
 */
import type { CliIo } from './cli-io.js';
import type { ExitCode } from './exit-code.js';

/** One `auth-mailer <command>`: its name, its help, and what it does. */
export interface CliCommand {
  /** The word typed after `auth-mailer`. */
  name: string;
  /** One line for the top-level help. */
  summary: string;
  /** The full `--help` text. */
  help: string;
  /**
   * Runs the command.
   *
   * @param args - The arguments after the command name.
   * @param io - Where to write and which environment to read.
   * @returns The exit code.
   * @throws {@link UsageError} when the arguments are wrong.
   */
  run(args: string[], io: CliIo): Promise<ExitCode>;
}
