/**
 * The CLI's exit codes.
 *
 * @module
 */

/** What the process exit code means: `0` success, `1` the work failed, `2` the command line is wrong. */
export const ExitCode = {
  /** The command did what it was asked (a valid config may still have warnings). */
  Ok: 0,
  /** The work failed: invalid config, refused credentials, a send that did not go out. */
  Failure: 1,
  /** The command line is wrong: unknown command or option, missing argument. */
  Usage: 2,
} as const;

/** One of the {@link ExitCode} values. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
