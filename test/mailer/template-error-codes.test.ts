import { describe, expect, it } from 'vitest';
import { createMailer, type TemplateDefinition } from '../../src/index.js';
import { MemoryTransport } from '../../src/testing/index.js';
import { failureOf } from '../helpers/failure-of.js';

const config = { host: 'smtp.example.com', fromEmail: 'Acme <no-reply@acme.test>' };
const nested = (depth: number): string => `${'{{#a}}'.repeat(depth)}Code {{code}}${'{{/a}}'.repeat(depth)}`;

function plain(usageType: string, content: string): TemplateDefinition {
  return { usageType, contentType: 'text/plain', subject: 'Your code', content };
}

function createThrown(templates: TemplateDefinition[]): unknown {
  try {
    createMailer({ ...config, templates }, { transport: new MemoryTransport() });
  } catch (error) {
    return error;
  }
  throw new Error('expected createMailer to throw');
}

describe('a template nested too deep', () => {
  it('is TemplateSyntax naming its usage type at createMailer, not InvalidConfig', () => {
    expect(createThrown([plain('Generic', 'ok'), plain('Register', nested(5000))])).toMatchObject({
      code: 'TemplateSyntax',
      message: expect.stringMatching(/template "Register" \(no locale\) does not compile: content nests sections more than 100 deep/),
    });
  });

  it('is TemplateSyntax at the send that gets it from the template store', async () => {
    const transport = new MemoryTransport();
    const mailer = createMailer(config, { transport, templateStore: { findTemplate: async () => plain('SignIn', nested(5000)) } });
    const error = await failureOf(mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { a: true, code: '1' } }));
    expect(error.code).toBe('TemplateSyntax');
    expect(error.message).toContain('nests sections more than 100 deep');
    expect(transport.messages).toHaveLength(0);
  });
});

describe('an HTML body nested too deep for the plain-text part', () => {
  const templates: TemplateDefinition[] = [
    { usageType: 'Generic', contentType: 'text/html', subject: 'Your code', content: '<p>Code {{code}}</p>{{{banner}}}' },
    // Escaped values cannot open elements, but a list can: one <blockquote> per item, never closed.
    { usageType: 'Register', contentType: 'text/html', subject: 'Welcome', content: '<p>Code {{code}}</p>{{#replies}}<blockquote>{{.}}{{/replies}}' },
  ];

  it.each([
    ['a raw value', 'SignIn', { code: '7', banner: `${'<div>'.repeat(20_000)}deep` }, 'deep'],
    ['a section over a long list', 'Register', { code: '7', replies: Array.from({ length: 20_000 }, (_, index) => `reply ${index}`) }, 'reply 19999'],
  ])('is sent with its text part cut short, not failed as MissingVariable: %s', async (_label, type, payload, htmlEnd) => {
    const transport = new MemoryTransport();
    const mailer = createMailer({ ...config, templates }, { transport });
    await mailer.send({ to: 'ada@example.com', type, payload });
    const [message] = transport.messages;
    expect(message?.text).toMatch(/^Code 7\n\n.*\.\.\.$/s);
    expect(message?.html?.endsWith(htmlEnd)).toBe(true);
  });
});

describe('a section over a function that returns a function (a mustache higher-order lambda)', () => {
  it('fails the send with MissingVariable naming it, instead of sending the message without the section', async () => {
    const transport = new MemoryTransport();
    const mailer = createMailer({ ...config, templates: [plain('Generic', 'Hello.{{#bold}} Your code is {{code}}.{{/bold}}')] }, { transport });
    const payload = { code: '7', bold: () => (text: string) => `*${text}*` };
    const error = await failureOf(mailer.send({ to: 'ada@example.com', type: 'SignIn', payload }));
    expect(error.code).toBe('MissingVariable');
    expect(error.message).toContain('Cannot render {{#bold}}: its value is a function that returns a function');
    expect(transport.messages).toHaveLength(0);
  });
});
