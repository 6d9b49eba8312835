import { describe, expect, it } from 'vitest';

import { createMailer, isMailerError, validateConfig } from '../../src/index.js';
import { MemoryTransport } from '../../src/testing/memory-transport.js';
import { validConfig } from '../config/issues-of.js';

const template = (content: string) => ({ usageType: 'SignIn', contentType: 'text/plain', subject: 'Code', content });

/** What createMailer says of a config: `'ok'`, or the code and issue paths of what it throws. */
function createMailerVerdict(config: unknown): unknown {
  try {
    void createMailer(config, { transport: new MemoryTransport() }).close();
    return 'ok';
  } catch (error) {
    if (!isMailerError(error)) throw error;
    return error.code;
  }
}

describe('validateConfig', () => {
  it('answers valid with the same value, typed, for a config createMailer takes', () => {
    const config = validConfig();
    const result = validateConfig(config);
    expect(result).toEqual({ valid: true, config });
    expect(result.valid && result.config).toBe(config);
  });

  it('lists every problem by path, with the InvalidConfig createMailer would throw, instead of throwing', () => {
    const result = validateConfig({ ...validConfig(), port: 'abc', prot: 587, fromEmail: '<from_email_address@your.domain>' });
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.issues.map((issue) => issue.path).sort()).toEqual(['fromEmail', 'port', 'prot']);
    expect(result.error.code).toBe('InvalidConfig');
    expect(result.error.issues).toEqual(result.issues);
    expect(result.issues.find((issue) => issue.path === 'prot')?.message).toContain('did you mean `port`?');
  });

  it('compiles every template, naming each broken one by index (createMailer would throw TemplateSyntax)', () => {
    const config = { ...validConfig(), templates: [template('{{#a}}open'), { ...template('fine {{code}}'), usageType: 'Generic' }, { ...template('{{/b}}'), usageType: 'Register' }] };
    const result = validateConfig(config);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.issues.map((issue) => issue.path)).toEqual(['templates[0]', 'templates[2]']);
    expect(result.issues[0]?.message).toMatch(/^template "SignIn" \(no locale\) does not compile: content: /);
    expect(result.error.code).toBe('TemplateSyntax');
    expect(createMailerVerdict(config)).toBe('TemplateSyntax');
  });

  it('reports what is not an object, and a getter that throws, as InvalidConfig', () => {
    const text = validateConfig('{"host": "x"}');
    expect(!text.valid && text.issues).toEqual([{ path: '', message: expect.stringContaining('parse it with JSON.parse first') }]);
    const hostile = validateConfig({
      ...validConfig(),
      get host(): string {
        throw new Error('boom');
      },
    });
    expect(!hostile.valid && hostile.error.code).toBe('InvalidConfig');
  });

  it('agrees with createMailer on which configs create a mailer', () => {
    const configs: unknown[] = [
      validConfig(),
      { ...validConfig(), port: '587' },
      { ...validConfig(), port: 0 },
      { ...validConfig(), templates: [] },
      { ...validConfig(), templates: [template('{{code')] },
      { ...validConfig(), auth: {} },
      null,
    ];
    for (const config of configs) {
      const result = validateConfig(config);
      expect(result.valid ? 'ok' : result.error.code).toBe(createMailerVerdict(config));
    }
  });
});
