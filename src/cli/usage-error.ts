/**
 * The CLI's own failure: the command line itself is wrong (exit code 2).
 *
 * @module
 */

/**
 * Thrown when the arguments are wrong: an unknown option, a missing argument, a malformed
 * `--var`. The CLI prints the message with a pointer to `--help` and exits with code 2.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  /**
   * @param message - What is wrong with the command line.
   * @param command - The command whose help to point at, when there is one.
   */
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}
