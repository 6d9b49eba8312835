/**
 * Where the CLI reads its environment and writes its output; passed in so tests can run commands
 * in-process.
 *
 * @module
 */

/** A stream the CLI writes text to: `process.stdout` or a test's collector. */
export interface CliOutput {
  /** Writes a chunk of text. */
  write(chunk: string): unknown;
  /** Whether the stream is a terminal; colour is used only then. */
  isTTY?: boolean;
}

/** The CLI's surroundings: its two output streams and the environment variables it reads. */
export interface CliIo {
  /** Results go here. */
  stdout: CliOutput;
  /** Errors and warnings go here. */
  stderr: CliOutput;
  /** The environment: `${NAME}` in a config file and `NO_COLOR` are read from it. */
  env: Readonly<Record<string, string | undefined>>;
  /** Stops a command that serves a page (`preview`, `dev`), as SIGINT or SIGTERM do; for tests. */
  signal?: AbortSignal;
}
