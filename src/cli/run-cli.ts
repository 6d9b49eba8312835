/**
 * The CLI without the process: dispatches a command line and returns the exit code, so tests run
 * commands in-process.
 *
 * @module
 */
import pkg from '../../package.json' with { type: 'json' };
import type { CliCommand } from './cli-command.js';
import type { CliIo } from './cli-io.js';
import { checkCommand } from './commands/check.js';
import { demoCommand } from './commands/demo.js';
import { devCommand } from './commands/dev.js';
import { previewCommand } from './commands/preview.js';
import { renderCommand } from './commands/render.js';
import { sendCommand } from './commands/send.js';
import { verifyCommand } from './commands/verify.js';
import { ExitCode } from './exit-code.js';
import { reportFailure } from './report-failure.js';
import { createStyle } from './style.js';
import { UsageError } from './usage-error.js';

const COMMANDS: readonly CliCommand[] = [demoCommand, checkCommand, verifyCommand, sendCommand, renderCommand, previewCommand, devCommand];

const HELP_FLAGS = new Set(['--help', '-h']);

function topLevelHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return `auth-mailer ${pkg.version}: sends the emails an authentication system sends.

Usage: auth-mailer <command> [options]

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Options:
  -h, --help     show help (also after a command: auth-mailer send --help)
  --version      print the version

Config files are JSON (a Logto SMTP connector config works unchanged); a string value that is
exactly "\${NAME}" is read from the environment variable NAME. Secrets are never printed.
Colour is used only on a terminal, and never when NO_COLOR is set.

Exit codes: 0 success, 1 failure (invalid config, connection or send failed), 2 usage error.`;
}

/**
 * Runs one `auth-mailer` command line: `--help`/`-h` and `--version` at the top level, or a
 * command with its arguments (`--help` after a command shows that command's help).
 *
 * @param argv - The arguments after the program name (`process.argv.slice(2)`).
 * @param io - Where to write and which environment to read.
 * @returns The exit code: 0 success, 1 failure, 2 usage error.
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (name === undefined || HELP_FLAGS.has(name)) {
    (name === undefined ? io.stderr : io.stdout).write(`${topLevelHelp()}\n`);
    return name === undefined ? ExitCode.Usage : ExitCode.Ok;
  }
  if (name === '--version') {
    io.stdout.write(`${pkg.version}\n`);
    return ExitCode.Ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  try {
    if (command === undefined) throw new UsageError(`unknown command ${JSON.stringify(name)}`);
    const terminator = args.indexOf('--');
    if (args.slice(0, terminator === -1 ? undefined : terminator).some((arg) => HELP_FLAGS.has(arg))) {
      io.stdout.write(`${command.help}\n`);
      return ExitCode.Ok;
    }
    return await command.run([...args], io);
  } catch (error) {
    if (!(error instanceof UsageError)) return reportFailure(io, error);
    const style = createStyle(io.stderr, io.env);
    const pointer = error.command === undefined ? 'auth-mailer --help' : `auth-mailer ${error.command} --help`;
    io.stderr.write(`${style.red('✖')} ${error.message}\n  see ${pointer}\n`);
    return ExitCode.Usage;
  }
}
