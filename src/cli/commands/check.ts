/**
 * `auth-mailer check <config>`: validates a config file and warns about likely mistakes.
 *
 * @module
 */
import type { ConfigIssue } from '../../errors/mailer-error.js';
import { validateConfig } from '../../validate-config.js';
import type { CliCommand } from '../cli-command.js';
import type { CliIo } from '../cli-io.js';
import { configWarnings } from '../config-warnings.js';
import { describeDkimRecord } from '../describe-dkim-record.js';
import { describeError } from '../describe-error.js';
import { ExitCode } from '../exit-code.js';
import { FRAMEWORK_TABLES } from '../framework-tables.js';
import { frameworkWarnings } from '../framework-warnings.js';
import { loadConfigFile } from '../load-config-file.js';
import { configPathArgument, parseCommandArgs } from '../parse-command-args.js';
import { reportFailure } from '../report-failure.js';
import { createStyle } from '../style.js';
import { UsageError } from '../usage-error.js';
import type { FrameworkVariables } from '../../types/framework-variables.js';

const HELP = `Usage: auth-mailer check <config.json> [--framework better-auth|authjs|logto]

Validates a JSON config file without connecting anywhere: every problem is listed by its
path (templates[2].contentType), and templates are compiled. Also warns about what is legal
but probably a mistake: templates without a Generic one (the built-in templates then serve
the other usage types), an HTML template without a text part, <...> placeholders left in,
secure contradicting the port, a sender without a real domain, an empty login (auth: {}),
which sends without logging in, credentials that may cross the network unencrypted
(ignoreTLS: true or requireTLS: false with auth, to a host other than localhost, 127.0.0.1 or
::1), a DKIM key under 2048 bits, an OrganizationInvitation template showing {{code}} but
not {{link}} (Logto sends invitations with a link and no code). A config without templates
sends the built-in templates.

With dkim, the key must be an unencrypted RSA key of 1024 bits or more, and the selector and
domain valid DNS labels; check then prints the TXT record to publish at
<keySelector>._domainkey.<domainName> (built from the public key).

--framework <name> also checks the templates against what that framework's adapter sends
(auth-mailer/better-auth, auth-mailer/authjs, auth-mailer/logto): a {{variable}} it never fills
(every such send would fail with MissingVariable), a {{#section}} that would never show, the
Generic template against each type it sends without a template of its own, and a template of
a type it never sends (with the nearest one it does).

A string value that is exactly "\${NAME}" is read from the environment variable NAME.
Secret values (auth.*, dkim.privateKey) are never printed.

Exit codes: 0 valid (warnings allowed), 1 invalid or unreadable, 2 usage error.`;

/** The `check` command. */
export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'validate a config file and warn about likely mistakes',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('check', args, { framework: { type: 'string' } });
    const file = configPathArgument('check', positionals);
    const framework = frameworkTable(values.framework);
    const style = createStyle(io.stdout, io.env);
    let config: unknown;
    try {
      config = await loadConfigFile(file, io.env);
    } catch (error) {
      return reportFailure(io, error);
    }
    const failure = validate(config);
    const issuePaths = new Set(failure?.issues?.map((issue) => issue.path));
    const warnings = [...configWarnings(config), ...(framework === undefined ? [] : frameworkWarnings(config, framework))].filter(
      (warning) => !issuePaths.has(warning.path),
    );
    if (failure === undefined) {
      io.stdout.write(`${style.green('✔')} ${file} is valid${describeTemplates(config)}\n`);
      const record = describeDkimRecord(config);
      if (record !== undefined) io.stdout.write(`DKIM: receivers verify with the TXT record ${style.bold(record.name)}:\n  ${record.value}\n`);
    } else {
      io.stdout.write(`${describeError(failure.error, style, `${file} is invalid`).join('\n')}\n`);
    }
    printWarnings(io, warnings);
    return failure === undefined ? ExitCode.Ok : ExitCode.Failure;
  },
};

function frameworkTable(name: string | undefined): FrameworkVariables | undefined {
  if (name === undefined) return undefined;
  const table = Object.hasOwn(FRAMEWORK_TABLES, name) ? FRAMEWORK_TABLES[name] : undefined;
  if (table === undefined) {
    throw new UsageError(`unknown --framework ${JSON.stringify(name)}: use one of ${Object.keys(FRAMEWORK_TABLES).join(', ')}`, 'check');
  }
  return table;
}

function validate(config: unknown): { error: unknown; issues: ConfigIssue[] } | undefined {
  const result = validateConfig(config);
  return result.valid ? undefined : { error: result.error, issues: result.issues };
}

function printWarnings(io: CliIo, warnings: readonly ConfigIssue[]): void {
  if (warnings.length === 0) return;
  const style = createStyle(io.stdout, io.env);
  for (const warning of warnings) io.stdout.write(`${style.yellow('warning')} ${style.bold(warning.path)} ${warning.message}\n`);
  io.stdout.write(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}\n`);
}

function describeTemplates(config: unknown): string {
  const templates = (config as { templates?: { usageType?: unknown }[] }).templates;
  if (templates === undefined) return ': no templates of its own; sends the built-in templates (20 languages, all twelve usage types)';
  const usageTypes = [...new Set(templates.map((template) => String(template.usageType)))];
  return `: ${templates.length} template${templates.length === 1 ? '' : 's'} (${usageTypes.join(', ')})`;
}
