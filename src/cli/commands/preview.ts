/**
 * `auth-mailer preview <config>`: a local page showing every message the config can send.
 *
 * @module
 */
import { createMailer } from '../../create-mailer.js';
import type { Mailer } from '../../mailer.js';
import type { CliCommand } from '../cli-command.js';
import { collectPreviews, previewCoverage } from '../collect-previews.js';
import { ExitCode } from '../exit-code.js';
import { loadConfigFile } from '../load-config-file.js';
import { mailPage } from '../mail-page.js';
import { createOfflineTransport } from '../offline-transport.js';
import { configPathArgument, parseCommandArgs } from '../parse-command-args.js';
import { parsePortOption } from '../port-option.js';
import { parseVariables } from '../parse-variables.js';
import { reportFailure } from '../report-failure.js';
import { NOT_FOUND, serveLocalPage, type LocalServer } from '../serve-local-page.js';
import { createStyle } from '../style.js';
import { waitForStop } from '../wait-for-stop.js';

const HELP = `Usage: auth-mailer preview <config.json> [options]

Serves a page on 127.0.0.1 that shows every message the config can send, without connecting
to any mail server: each usage type (the twelve known ones and any other in the config's
templates) in each locale (the config's templates' and the twenty built-in languages'),
rendered with a sample payload (code 123456, a link, organizationName Acme, inviterName Ada
Lovelace). Each shows its subject, headers, size, the HTML part in a sandboxed frame and the
plain-text part; the page has a dark-mode and a phone-width toggle. Messages that cannot be rendered say why. The page
reads the config once, at start; it never shows passwords. Stop with Ctrl-C.

Options:
  --port <port>        the port to listen on (default 0: a free port; the URL is printed)
  --var <key=value>    a template variable over the sample ones; repeatable; a dotted key nests
  -h, --help           this help

Exit codes: 0 stopped by Ctrl-C or SIGTERM, 1 invalid config or the port is taken, 2 usage error.`;

/** The `preview` command. */
export const previewCommand: CliCommand = {
  name: 'preview',
  summary: 'serve a local page showing every usage type in every locale, rendered',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('preview', args, { port: { type: 'string' }, var: { type: 'string', multiple: true } });
    const file = configPathArgument('preview', positionals);
    const port = parsePortOption('preview', values.port);
    const variables = parseVariables(values.var ?? [], 'preview');
    const style = createStyle(io.stdout, io.env);
    let mailer: Mailer | undefined;
    let server: LocalServer | undefined;
    try {
      const config = await loadConfigFile(file, io.env);
      mailer = createMailer(config, { transport: createOfflineTransport() });
      const coverage = await previewCoverage(config);
      const cards = await collectPreviews(mailer, coverage, variables);
      const options = {
        title: `auth-mailer preview: ${file}`,
        intro: `${coverage.usageTypes.length} usage types × ${coverage.locales.length} locales, rendered with a sample payload`,
        cards,
      };
      // A fresh script nonce for each load.
      server = await serveLocalPage((url) => (url.pathname === '/' ? mailPage(options) : NOT_FOUND), port);
      io.stdout.write(`${style.green('✔')} Preview of ${cards.length} messages at ${style.bold(server.url)} (Ctrl-C stops it)\n`);
      await waitForStop(io.signal);
      return ExitCode.Ok;
    } catch (error) {
      return reportFailure(io, error);
    } finally {
      await server?.close();
      await mailer?.close();
    }
  },
};
