/**
 * `auth-mailer demo`: the main job end to end, on an embedded config and an in-process SMTP server.
 *
 * @module
 */
import { randomBytes, randomInt } from 'node:crypto';
import { createMailer } from '../../create-mailer.js';
import type { Mailer } from '../../mailer.js';
import { startSmtpSink, type ReceivedMessage, type SmtpSink } from '../../testing/smtp-sink.js';
import type { KnownUsageType } from '../../types/usage-type.js';
import type { SendResult } from '../../types/send.js';
import type { TemplatePayload } from '../../types/template.js';
import type { CliCommand } from '../cli-command.js';
import { KNOWN_USAGE_TYPES } from '../../types/usage-type.js';
import { demoConfig } from '../demo-config.js';
import { describeError } from '../describe-error.js';
import { ExitCode } from '../exit-code.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { parsePortOption } from '../port-option.js';
import { receivedMimeStructure } from '../received-mime-structure.js';
import { reportFailure } from '../report-failure.js';
import type { LocalServer } from '../serve-local-page.js';
import { serveInbox } from '../serve-inbox.js';
import { createStyle, type Style } from '../style.js';
import { UsageError } from '../usage-error.js';
import { waitForStop } from '../wait-for-stop.js';

const HELP = `Usage: auth-mailer demo [--serve [--port <port>]]

Runs the whole job on your machine, with nothing to configure: starts an SMTP server on
127.0.0.1 (a free port, AUTH required), builds a mailer from an embedded config written the
way a Logto SMTP connector config is (port as a string, plain-text and HTML templates for all
twelve usage types, one in Japanese), sends one message per usage type, and prints what the
server received: usage type, recipient, subject, whether the code (or link) arrived, and the
MIME parts. Everything is closed before it exits.

Options:
  --serve          keep running after the twelve sends, with a web inbox on 127.0.0.1 showing
                   what the server received; Ctrl-C stops it
  --port <port>    the inbox's HTTP port with --serve (default 0: a free port; the URL is printed)
  -h, --help       this help

Exit codes: 0 every message arrived with its code, 1 otherwise, 2 usage error.`;

const RECIPIENT = 'ada@example.com';

interface DemoSend {
  type: KnownUsageType;
  payload: TemplatePayload;
  /** What must arrive in the message: the code, or the invitation link. */
  token: { name: 'code' | 'link'; value: string };
}

/** The `demo` command. */
export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'send one message per usage type to an in-process SMTP server and show what arrived',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('demo', args, { serve: { type: 'boolean' }, port: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`, 'demo');
    if (values.port !== undefined && values.serve !== true) throw new UsageError('--port goes with --serve', 'demo');
    const port = parsePortOption('demo', values.port);
    const style = createStyle(io.stdout, io.env);
    const credentials = { user: 'demo@acme.example', pass: randomBytes(18).toString('base64url') };
    let sink: SmtpSink | undefined;
    let mailer: Mailer | undefined;
    let inbox: LocalServer | undefined;
    try {
      sink = await startSmtpSink({ authenticate: credentials });
      mailer = createMailer(demoConfig({ host: sink.host, port: sink.port, ...credentials }));
      io.stdout.write(
        `SMTP server listening on ${sink.host}:${sink.port} (AUTH required); ` +
          `sending ${KNOWN_USAGE_TYPES.length} messages with a Logto-style config.\n\n`,
      );
      const sends = KNOWN_USAGE_TYPES.map(demoSend);
      const sending = mailer;
      const results = await Promise.allSettled(sends.map(({ type, payload }) => sending.send({ to: RECIPIENT, type, payload })));
      let delivered = 0;
      for (const [index, send] of sends.entries()) {
        const outcome = results[index] as PromiseSettledResult<SendResult>;
        const report =
          outcome.status === 'rejected'
            ? notSent(send, outcome.reason, style)
            : describeArrival(send, sink.messages.find((message) => message.messageId === outcome.value.messageId), style);
        if (report.delivered) delivered += 1;
        io.stdout.write(`${report.lines.join('\n')}\n`);
      }
      const summary = `${delivered} of ${sends.length} messages delivered`;
      io.stdout.write(`\n${delivered === sends.length ? style.green(summary) : style.red(summary)}\n`);
      if (values.serve === true) {
        inbox = await serveInbox(sink, port);
        io.stdout.write(`\n${style.green('✔')} Inbox at ${style.bold(inbox.url)} (Ctrl-C stops it)\n`);
        await waitForStop(io.signal);
      }
      return delivered === sends.length ? ExitCode.Ok : ExitCode.Failure;
    } catch (error) {
      return reportFailure(io, error);
    } finally {
      await inbox?.close();
      await mailer?.close();
      await sink?.close();
    }
  },
};

/** The usage types the demo sends a link for, with the path of their link. */
const LINK_PATHS: Readonly<Partial<Record<KnownUsageType, string>>> = {
  OrganizationInvitation: 'invitation',
  MagicLink: 'sign-in',
  VerifyEmailLink: 'verify-email',
  ResetPasswordLink: 'reset-password',
};

function demoSend(type: KnownUsageType): DemoSend {
  const path = LINK_PATHS[type];
  if (path !== undefined) {
    const link = `https://auth.acme.example/${path}/${randomBytes(6).toString('hex')}`;
    return { type, payload: { link }, token: { name: 'link', value: link } };
  }
  const code = String(randomInt(100_000, 1_000_000));
  // SignIn goes out in Japanese, to show locale selection.
  return { type, payload: type === 'SignIn' ? { code, locale: 'ja' } : { code }, token: { name: 'code', value: code } };
}

interface ArrivalReport {
  /** Whether the message arrived with its code or link. */
  delivered: boolean;
  /** What to print. */
  lines: string[];
}

function notSent(send: DemoSend, error: unknown, style: Style): ArrivalReport {
  return { delivered: false, lines: [`${style.red('✖')} ${send.type}: not sent`, ...describeError(error, style).map((line) => `    ${line}`)] };
}

function describeArrival(send: DemoSend, message: ReceivedMessage | undefined, style: Style): ArrivalReport {
  const label = send.payload.locale === undefined ? send.type : `${send.type} (${send.payload.locale})`;
  if (message === undefined) {
    return { delivered: false, lines: [`${style.red('✖')} ${label}: sent, but the server holds no such message`] };
  }
  const delivered = [message.text, message.html].some((body) => body?.includes(send.token.value) === true);
  return {
    delivered,
    lines: [
      `${delivered ? style.green('✔') : style.red('✖')} ${style.bold(label)} → ${message.envelope.to.join(', ')}`,
      `    ${style.dim('subject')}  ${message.subject ?? '(none)'}`,
      `    ${style.dim(send.token.name.padEnd(7))}  ${delivered ? `${send.token.value} arrived` : style.red(`${send.token.value} is missing`)}`,
      `    ${style.dim('parts  ')}  ${receivedMimeStructure(message)}`,
    ],
  };
}
