/**
 * Prints a failed command's error to stderr, the one way every command reports failure.
 *
 * @module
 */
import type { CliIo } from './cli-io.js';
import { describeError } from './describe-error.js';
import { ExitCode } from './exit-code.js';
import { createStyle } from './style.js';

/**
 * Writes an error to stderr as {@link describeError} shows it (message, code, hint, issues), in
 * stderr's colours.
 *
 * @param io - Where to write and which environment to read.
 * @param error - What was thrown.
 * @returns {@link ExitCode.Failure}, for the command to return.
 */
export function reportFailure(io: CliIo, error: unknown): typeof ExitCode.Failure {
  io.stderr.write(`${describeError(error, createStyle(io.stderr, io.env)).join('\n')}\n`);
  return ExitCode.Failure;
}
