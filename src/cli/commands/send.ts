/**
 * `auth-mailer send <config> --to <addr> --type <usageType>`: delivers one message.
 *
 * @module
 */
import { createMailer } from '../../create-mailer.js';
import type { CliCommand } from '../cli-command.js';
import { ExitCode } from '../exit-code.js';
import { loadConfigFile } from '../load-config-file.js';
import { MESSAGE_OPTIONS, toMessageRequest } from '../message-options.js';
import { configPathArgument, parseCommandArgs } from '../parse-command-args.js';
import { reportFailure } from '../report-failure.js';
import { createStyle } from '../style.js';
import { UsageError } from '../usage-error.js';

const HELP = `Usage: auth-mailer send <config.json> --to <address> --type <usageType> [options]

Renders the template for <usageType> and delivers one message over the config's SMTP server,
retrying transient failures. Prints the Message-ID, the accepted recipients and the attempts.

Options:
  --to <address>       the recipient (required)
  --type <usageType>   Register, SignIn, ForgotPassword, Generic, ... (required)
  --code <code>        the verification code ({{code}})
  --locale <tag>       chooses the template's locale (pt-BR falls back to pt, then none)
  --var <key=value>    any other template variable; repeatable; a dotted key nests
                       (--var organization.name=Acme fills {{organization.name}})
  -h, --help           this help

A string value that is exactly "\${NAME}" in the config is read from the environment.

Exit codes: 0 sent, 1 invalid config or the send failed, 2 usage error.`;

/** The `send` command. */
export const sendCommand: CliCommand = {
  name: 'send',
  summary: 'deliver one message',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('send', args, MESSAGE_OPTIONS);
    const file = configPathArgument('send', positionals);
    const { to, ...request } = toMessageRequest('send', values);
    if (to === undefined) throw new UsageError('send needs --to <address>', 'send');
    const out = createStyle(io.stdout, io.env);
    let mailer;
    try {
      mailer = createMailer(await loadConfigFile(file, io.env));
      const result = await mailer.send({ ...request, to });
      io.stdout.write(
        [
          `${out.green('✔')} sent ${request.type} to ${to}`,
          `  ${out.dim('messageId:')} ${result.messageId}`,
          `  ${out.dim('accepted:')}  ${result.accepted.join(', ') || '(none)'}`,
          ...(result.rejected.length > 0 ? [`  ${out.dim('rejected:')}  ${result.rejected.join(', ')}`] : []),
          `  ${out.dim('attempts:')}  ${result.attempts}`,
        ].join('\n') + '\n',
      );
      return ExitCode.Ok;
    } catch (error) {
      return reportFailure(io, error);
    } finally {
      await mailer?.close();
    }
  },
};
