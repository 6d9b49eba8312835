import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseConfig, run, tempDir, writeConfig } from './run-cli-helper.js';

describe('auth-mailer render', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let file: string;
  beforeEach(async () => {
    dir = await tempDir();
    const config = baseConfig({ replyTo: 'help@acme.example', customHeaders: { 'X-Campaign': 'auth' } });
    (config.templates as unknown[]).push({
      usageType: 'SignIn',
      locale: 'ja',
      contentType: 'text/plain',
      subject: 'サインイン',
      content: 'コードは {{code}} です',
    });
    // An unreachable host: render must not connect anywhere.
    file = await writeConfig(dir.path, { ...config, host: 'smtp.invalid', auth: { user: 'u', pass: 'render-Never-prints-this' } });
  });
  afterEach(() => dir.cleanup());

  it('prints headers, the text part and the HTML of the message send would send', async () => {
    const result = await run([
      'render', file, '--type', 'SignIn', '--to', 'ada@example.com', '--code', '482913', '--var', 'app=Acme', '--var', 'user.name=<Ada>',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'From: Acme <no-reply@acme.example>',
        'To: ada@example.com',
        'Reply-To: help@acme.example',
        'Subject: Sign in to Acme',
        'Template: SignIn',
        'Parts: multipart/alternative: text/plain + text/html',
        'Auto-Submitted: auto-generated',
        'X-Campaign: auth',
        '--- text/plain ---',
        'Hello <Ada>, your code is 482913.',
        '--- text/html ---',
        '<p>Hello &lt;Ada&gt;, your code is <b>482913</b>.</p>',
      ]),
    );
    expect(result.stdout).not.toContain('render-Never-prints-this');
  });

  it('chooses the template by --locale, falling back from a region tag', async () => {
    const result = await run(['render', file, '--type', 'SignIn', '--code', '77', '--locale', 'ja-JP']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Template: SignIn (ja)');
    expect(result.stdout).toContain('コードは 77 です');
    expect(result.stdout).not.toMatch(/^To:/m);
  });

  it('writes a full .eml and the .html with --out', async () => {
    const out = join(dir.path, 'preview');
    const result = await run([
      'render', file, '--type', 'SignIn', '--to', 'ada@example.com', '--code', '482913', '--var', 'app=Acme', '--var', 'user.name=Ada', '--out', out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`wrote ${join(out, 'SignIn.eml')}`);
    expect(result.stdout).toContain(`wrote ${join(out, 'SignIn.html')}`);
    expect(result.stdout).not.toContain('--- text/plain ---');
    expect((await readdir(out)).sort()).toEqual(['SignIn.eml', 'SignIn.html']);
    const eml = await readFile(join(out, 'SignIn.eml'), 'utf8');
    const parsed = await simpleParser(eml);
    expect(parsed.subject).toBe('Sign in to Acme');
    expect(parsed.from?.value).toEqual([{ name: 'Acme', address: 'no-reply@acme.example' }]);
    expect(parsed.to).toMatchObject({ value: [{ address: 'ada@example.com' }] });
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.text).toContain('your code is 482913');
    expect(parsed.html).toContain('<b>482913</b>');
    expect(await readFile(join(out, 'SignIn.html'), 'utf8')).toBe('<p>Hello Ada, your code is <b>482913</b>.</p>');
  });

  it('writes only the .eml for a plain-text template, under a safe file name', async () => {
    const out = join(dir.path, 'plain');
    const result = await run(['render', file, '--type', '../Generic', '--code', '5', '--out', out]);
    expect(result.code).toBe(0);
    expect(await readdir(out)).toEqual(['__Generic.eml']);
  });

  it('exits 1 for a missing variable and 2 without --type', async () => {
    const missing = await run(['render', file, '--type', 'SignIn', '--code', '1']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^✖ /);
    expect(missing.stderr).toContain('code: MissingVariable');
    const usage = await run(['render', file]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('render needs --type');
  });
});

describe('createOfflineTransport', () => {
  it('refuses to send, so a validating or rendering mailer never connects', async () => {
    const { createOfflineTransport } = await import('../../src/cli/offline-transport.js');
    const message = { from: 'a@acme.example', to: 'b@acme.example', subject: 's', text: 't', usageType: 'Generic' };
    await expect(createOfflineTransport().send(message, { signal: new AbortController().signal })).rejects.toMatchObject({
      code: 'Unavailable',
    });
  });
});
