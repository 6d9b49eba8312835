import { describe, expect, it } from 'vitest';
import { receivedMimeStructure } from '../../src/cli/received-mime-structure.js';
import { KNOWN_USAGE_TYPES } from '../../src/types/usage-type.js';
import { run } from './run-cli-helper.js';

// SignIn goes out in Japanese, so its line names the locale.
const LABELS = KNOWN_USAGE_TYPES.map((type) => (type === 'SignIn' ? 'SignIn (ja)' : type));

describe('auth-mailer demo', () => {
  it('delivers one message per usage type to a real SMTP server and shows what arrived', async () => {
    const result = await run(['demo']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/SMTP server listening on 127\.0\.0\.1:\d+ \(AUTH required\)/);
    for (const usageType of LABELS) expect(result.stdout).toContain(`✔ ${usageType} → ada@example.com`);
    expect(result.stdout.match(/^ {4}code {5}\d{6} arrived$/gm)).toHaveLength(8);
    expect(result.stdout).toMatch(/^ {4}link {5}https:\/\/auth\.acme\.example\/invitation\/[0-9a-f]+ arrived$/m);
    expect(result.stdout.match(/^ {4}link {5}https:\/\/auth\.acme\.example\/[a-z-]+\/[0-9a-f]+ arrived$/gm)).toHaveLength(4);
    expect(result.stdout).toContain('subject  サインイン確認コード');
    expect(result.stdout.match(/parts {4}multipart\/alternative: text\/plain \+ text\/html/g)).toHaveLength(6);
    expect(result.stdout.match(/parts {4}text\/plain$/gm)).toHaveLength(6);
    expect(result.stdout.trimEnd().endsWith('12 of 12 messages delivered')).toBe(true);
  });

  it('refuses arguments', async () => {
    const result = await run(['demo', 'extra']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('auth-mailer demo --help');
  });
});

describe('receivedMimeStructure', () => {
  it('names a single-part message by its type', () => {
    expect(receivedMimeStructure({ raw: 'Content-Type: text/plain\r\n\r\nhi', contentType: 'text/plain' })).toBe('text/plain');
  });

  it('lists the parts of a multipart message in order, ignoring the top-level header', () => {
    const raw = [
      'Content-Type: multipart/alternative; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'hi',
      '--b',
      'Content-Type: TEXT/HTML; charset=utf-8',
      '',
      '<p>hi</p>',
      '--b--',
    ].join('\r\n');
    expect(receivedMimeStructure({ raw, contentType: 'multipart/alternative' })).toBe('multipart/alternative: text/plain + text/html');
  });
});
