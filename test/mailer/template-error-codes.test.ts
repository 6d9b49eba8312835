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
