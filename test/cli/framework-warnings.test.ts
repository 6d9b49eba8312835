import { describe, expect, it } from 'vitest';
import { frameworkWarnings } from '../../src/cli/framework-warnings.js';
import type { FrameworkVariables } from '../../src/types/framework-variables.js';

const SENDS: FrameworkVariables = {
  framework: 'example-auth',
  variables: {
    SignIn: ['code', 'locale'],
    MagicLink: ['link', 'locale'],
    OrganizationInvitation: ['link', 'organizationName', 'locale'],
  },
};

const template = (usageType: string, content: string, extra: Record<string, string> = {}) => ({
  usageType,
  contentType: 'text/plain',
  subject: 'Your code',
  content,
  ...extra,
});

describe('frameworkWarnings', () => {
  it('says nothing when every template reads only what the framework sends', () => {
    const config = {
      templates: [
        template('SignIn', 'Code {{code}}'),
        template('MagicLink', '{{link}}{{#locale}} ({{locale}}){{/locale}}'),
        template('OrganizationInvitation', 'Join {{organizationName}}: {{link}}'),
      ],
    };
    expect(frameworkWarnings(config, SENDS)).toEqual([]);
  });

  it('names a variable the framework never sends for the type, by template field', () => {
    const config = { templates: [template('OrganizationInvitation', 'Use {{code}} at {{link}}', { subject: '{{inviterName}} invited you' })] };
    expect(frameworkWarnings(config, SENDS)).toEqual([
      {
        path: 'templates[0].subject',
        message: 'uses inviterName, which example-auth never sends for OrganizationInvitation: every such send fails with MissingVariable (it fills link, organizationName, locale)',
      },
      {
        path: 'templates[0].content',
        message: 'uses code, which example-auth never sends for OrganizationInvitation: every such send fails with MissingVariable (it fills link, organizationName, locale)',
      },
    ]);
  });

  it('tells a section that never shows from a variable that fails, and reads the root of a dotted name', () => {
    const config = { templates: [template('SignIn', '{{code}}{{#link}}or {{link}}{{/link}}{{^link}}{{user.name}}{{/link}}')] };
    const messages = frameworkWarnings(config, SENDS).map((warning) => warning.message);
    expect(messages).toEqual([
      expect.stringMatching(/^uses link, which example-auth never sends for SignIn: its \{\{#link\}\} section never shows/),
      expect.stringMatching(/^uses link, which .*: its \{\{\^link\}\} section always shows/),
      expect.stringMatching(/^uses user, which .* fails with MissingVariable/),
    ]);
  });

  it('checks the Generic template against every sent type that has no template of its own', () => {
    const config = { templates: [template('SignIn', '{{code}}'), template('Generic', 'Your code: {{code}}')] };
    const warnings = frameworkWarnings(config, SENDS);
    expect(warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining('never sends for MagicLink'),
      expect.stringContaining('never sends for OrganizationInvitation'),
    ]);
    expect(warnings.every((warning) => warning.path === 'templates[1].content')).toBe(true);
  });

  it('checks the Generic template against Generic itself when the framework sends that type', () => {
    const sends: FrameworkVariables = { framework: 'logto-like', variables: { Generic: ['code'], SignIn: ['code'] } };
    const config = { templates: [template('SignIn', '{{code}}'), template('Generic', '{{link}}')] };
    expect(frameworkWarnings(config, sends).map((warning) => warning.message)).toEqual([expect.stringContaining('never sends for Generic')]);
  });

  it('warns about a template of a type the framework never sends, with the nearest one it does', () => {
    const config = { templates: [template('Signin', '{{code}}')] };
    expect(frameworkWarnings(config, SENDS)).toEqual([
      { path: 'templates[0].usageType', message: 'is "Signin", a type example-auth never sends (did you mean SignIn?): this template serves only your own sends' },
    ]);
  });

  it('leaves templates that do not compile, and configs of any shape, to validation', () => {
    expect(frameworkWarnings({ templates: [template('SignIn', '{{#code}}')] }, SENDS)).toEqual([]);
    expect(frameworkWarnings({ templates: 'none' }, SENDS)).toEqual([]);
    expect(frameworkWarnings(null, SENDS)).toEqual([]);
  });
});
