/**
 * `auth-mailer render <config> --type <usageType>`: shows the message `send` would send.
 *
 * @module
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createMailer } from '../../create-mailer.js';
import type { RenderedMessage } from '../../types/send.js';
import { composeMime } from '../../transports/smtp/compose-mime.js';
import type { CliCommand } from '../cli-command.js';
import { describeHeaders, describeMessage } from '../describe-message.js';
import { ExitCode } from '../exit-code.js';
import { loadConfigFile } from '../load-config-file.js';
import { MESSAGE_OPTIONS, toMessageRequest } from '../message-options.js';
import { createOfflineTransport } from '../offline-transport.js';
import { configPathArgument, parseCommandArgs } from '../parse-command-args.js';
import { reportFailure } from '../report-failure.js';
import { createStyle } from '../style.js';

const HELP = `Usage: auth-mailer render <config.json> --type <usageType> [options]

Renders the message send would send, without connecting anywhere, and prints its headers,
its plain-text part and its HTML. With --out, writes <usageType>.eml (the full MIME message,
openable in any mail client) and, for HTML templates, <usageType>.html into that directory.

Options:
  --type <usageType>   Register, SignIn, ForgotPassword, Generic, ... (required)
  --to <address>       the recipient to show
  --code <code>        the verification code ({{code}})
  --locale <tag>       chooses the template's locale (pt-BR falls back to pt, then none)
  --var <key=value>    any other template variable; repeatable; a dotted key nests
  --out <dir>          write .eml and .html files there instead of printing the bodies
  -h, --help           this help

Exit codes: 0 rendered, 1 invalid config or the template failed to render (missing variable,
no template), 2 usage error.`;

/** The `render` command. */
export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'show (or save as .eml) the message send would send',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('render', args, { ...MESSAGE_OPTIONS, out: { type: 'string' } });
    const file = configPathArgument('render', positionals);
    const request = toMessageRequest('render', values);
    const out = createStyle(io.stdout, io.env);
    let mailer;
    try {
      mailer = createMailer(await loadConfigFile(file, io.env), { transport: createOfflineTransport() });
      const message = await mailer.render(request);
      if (values.out === undefined) {
        io.stdout.write(`${describeMessage(message, out).join('\n')}\n`);
      } else {
        const written = await writeMessageFiles(message, values.out, request.type);
        io.stdout.write(`${[...describeHeaders(message, out), '', ...written.map((path) => `wrote ${path}`)].join('\n')}\n`);
      }
      return ExitCode.Ok;
    } catch (error) {
      return reportFailure(io, error);
    } finally {
      await mailer?.close();
    }
  },
};

async function writeMessageFiles(message: RenderedMessage, directory: string, usageType: string): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  // A usage type is any string: keep it to a safe file name.
  const base = join(directory, usageType.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_'));
  const written = [`${base}.eml`];
  await writeFile(`${base}.eml`, await composeMime(message));
  if (message.html !== undefined) {
    await writeFile(`${base}.html`, message.html);
    written.push(`${base}.html`);
  }
  return written;
}
