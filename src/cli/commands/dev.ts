/**
 * `auth-mailer dev`: a local SMTP server to point a config at, with a web inbox of what it received.
 *
 * @module
 */
import { startSmtpSink, type SmtpSink } from '../../testing/smtp-sink.js';
import type { CliCommand } from '../cli-command.js';
import { ExitCode } from '../exit-code.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { parsePortOption } from '../port-option.js';
import { reportFailure } from '../report-failure.js';
import type { LocalServer } from '../serve-local-page.js';
import { serveInbox } from '../serve-inbox.js';
import { createStyle } from '../style.js';
import { UsageError } from '../usage-error.js';
import { waitForStop } from '../wait-for-stop.js';

const HELP = `Usage: auth-mailer dev [options]

Starts an SMTP server on 127.0.0.1 (a free port, no AUTH, no TLS) that keeps every message it
receives, and a web inbox on 127.0.0.1 that shows them live: subject, headers, size, the HTML
part in a sandboxed frame and the plain-text part, with dark-mode and phone-width toggles.
Point your app's config at the printed host and port (without auth) and open the printed URL.
Nothing is delivered anywhere; messages are kept in memory until you stop it with Ctrl-C.

It needs the dev dependencies smtp-server and mailparser: npm install --save-dev smtp-server mailparser

Options:
  --port <port>   the inbox's HTTP port (default 0: a free port; the URL is printed)
  -h, --help      this help

Exit codes: 0 stopped by Ctrl-C or SIGTERM, 1 could not start, 2 usage error.`;

/** The `dev` command. */
export const devCommand: CliCommand = {
  name: 'dev',
  summary: 'run a local SMTP server with a live web inbox of what it received',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('dev', args, { port: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`, 'dev');
    const port = parsePortOption('dev', values.port);
    const style = createStyle(io.stdout, io.env);
    let sink: SmtpSink | undefined;
    let inbox: LocalServer | undefined;
    try {
      sink = await startSmtpSink();
      inbox = await serveInbox(sink, port);
      io.stdout.write(
        `${style.green('✔')} SMTP server on ${style.bold(`${sink.host}:${sink.port}`)} (no AUTH, no TLS): ` +
          `put "host": "${sink.host}", "port": ${sink.port}, "secure": false in your config, without "auth"\n` +
          `${style.green('✔')} Inbox at ${style.bold(inbox.url)} (Ctrl-C stops both)\n`,
      );
      await waitForStop(io.signal);
      return ExitCode.Ok;
    } catch (error) {
      return reportFailure(io, error);
    } finally {
      await inbox?.close();
      await sink?.close();
    }
  },
};
