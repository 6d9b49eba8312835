import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TemplateType, type SendMessagePayload } from '@logto/connector-kit';
import createLogtoSmtpConnector from '@logto/connector-smtp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSmtpConnector } from '../../src/logto/index.js';
import { startSmtpSink, type ReceivedMessage, type SmtpSink } from '../../src/testing/index.js';
import { logtoTenant } from './logto-core.js';

/**
 * One config file, given to Logto's own SMTP connector and to ours, each driven as Logto core
 * drives it, both sending to the same sink: the messages must say the same.
 */
const PASSWORD = 'Pw-7fQ2xLm9Rz4K';
let sink: SmtpSink;
let dir: string;
let configFile: string;
const ours = defineSmtpConnector();

beforeAll(async () => {
  sink = await startSmtpSink({ authenticate: { user: 'mailer', pass: PASSWORD } });
  dir = await mkdtemp(join(tmpdir(), 'auth-mailer-logto-'));
  // The templates Logto's console fills in for a new SMTP connector, read from that connector.
  const { metadata } = await createLogtoSmtpConnector({ getConfig: async () => ({}) });
  const templates = metadata.formItems?.find((item) => item.key === 'templates')?.defaultValue as object[];
  expect(templates).toHaveLength(9);
  configFile = join(dir, 'logto-smtp.json');
  await writeFile(
    configFile,
    JSON.stringify({
      host: '127.0.0.1',
      port: sink.port,
      auth: { type: 'login', user: 'mailer', pass: PASSWORD },
      fromEmail: 'Acme <no-reply@acme.test>',
      replyTo: 'support@acme.test',
      customHeaders: { 'X-Tenant': 'acme' },
      templates: [
        ...templates.filter((template) => (template as { usageType: string }).usageType !== 'Generic'),
        { usageType: 'Generic', contentType: 'text/html', subject: 'Your code', content: '<p>Your code is <b>{{code}}</b>.</p>' },
      ],
    }),
  );
});
afterAll(async () => {
  await ours.close();
  await sink.close();
  await rm(dir, { recursive: true, force: true });
});

async function sendWithBoth(type: TemplateType, payload: SendMessagePayload): Promise<{ theirs: ReceivedMessage; mine: ReceivedMessage }> {
  const config = JSON.parse(await readFile(configFile, 'utf8')) as unknown;
  const [theirsTo, oursTo] = [`theirs.${type}@example.com`, `ours.${type}@example.com`];
  await logtoTenant(createLogtoSmtpConnector, config).send({ to: theirsTo, type, payload });
  await logtoTenant(ours, config).send({ to: oursTo, type, payload });
  return { theirs: await sink.waitFor({ to: theirsTo }), mine: await sink.waitFor({ to: oursTo }) };
}

/** What a reader sees of a message, the recipient aside. */
function seen(message: ReceivedMessage) {
  return {
    from: message.from,
    replyTo: message.replyTo,
    subject: message.subject,
    text: message.text?.trim(),
    tenant: message.headers['x-tenant'],
    envelopeFrom: message.envelope.from,
  };
}

const codeTypes = Object.values(TemplateType).filter((type) => type !== TemplateType.OrganizationInvitation && type !== TemplateType.Generic);

describe("the same config file through Logto's SMTP connector and through auth-mailer/logto", () => {
  it.each(codeTypes)('%s: the same message', async (type) => {
    const { theirs, mine } = await sendWithBoth(type, { code: '482913', locale: 'en' });
    expect(seen(mine)).toEqual(seen(theirs));
    expect(mine.text).toContain('482913');
    expect([theirs.contentType, mine.contentType]).toEqual(['text/plain', 'text/plain']);
  });

  it('Generic as HTML: the same HTML, and auth-mailer adds a plain-text part', async () => {
    const { theirs, mine } = await sendWithBoth(TemplateType.Generic, { code: '482913' });
    expect(mine.html?.trim()).toBe(theirs.html?.trim());
    expect({ ...seen(mine), text: undefined }).toEqual({ ...seen(theirs), text: undefined });
    expect(theirs.contentType).toBe('text/html');
    expect(mine.contentType).toBe('multipart/alternative');
    expect(mine.text?.trim()).toBe('Your code is 482913.');
  });

  it("OrganizationInvitation with Logto's default template: the link where the SMTP connector sends a literal {{code}}", async () => {
    const link = 'https://auth.acme.test/invitation/tk_8Yb2';
    const { theirs, mine } = await sendWithBoth(TemplateType.OrganizationInvitation, { link, organization: { id: 'o', name: 'Acme' } });
    expect(theirs.text).toContain('invitation code is {{code}}.');
    expect(mine.text).toContain(`invitation code is ${link}.`);
    expect({ ...seen(mine), text: undefined }).toEqual({ ...seen(theirs), text: undefined });
  });
});
