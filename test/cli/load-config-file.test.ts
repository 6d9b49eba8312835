import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/cli/load-config-file.js';
import { isMailerError, type MailerError } from '../../src/errors/mailer-error.js';
import { tempDir, writeConfig } from './run-cli-helper.js';

describe('loadConfigFile', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(() => dir.cleanup());

  it('replaces every value that is exactly "${NAME}", at any depth and in arrays', async () => {
    const file = await writeConfig(dir.path, {
      host: '${SMTP_HOST}',
      port: '${SMTP_PORT}',
      auth: { user: 'me', pass: '${SMTP_PASS}' },
      customHeaders: { 'X-Tags': ['a', '${TAG}'] },
    });
    const config = await loadConfigFile(file, { SMTP_HOST: 'smtp.acme.example', SMTP_PORT: '587', SMTP_PASS: 's3cret', TAG: 'b' });
    expect(config).toEqual({
      host: 'smtp.acme.example',
      port: '587',
      auth: { user: 'me', pass: 's3cret' },
      customHeaders: { 'X-Tags': ['a', 'b'] },
    });
  });

  it('leaves strings that only contain a reference, and keys, alone', async () => {
    const file = await writeConfig(dir.path, { host: 'smtp-${REGION}.example', '${KEY}': 'x' });
    expect(await loadConfigFile(file, { REGION: 'eu', KEY: 'k' })).toEqual({ host: 'smtp-${REGION}.example', '${KEY}': 'x' });
  });

  it('names every unset variable and where it is used', async () => {
    const file = await writeConfig(dir.path, { host: '${SMTP_HOST}', auth: { user: 'me', pass: '${SMTP_PASS}' } });
    const error = (await loadConfigFile(file, { SMTP_HOST: 'h' }).catch((caught: unknown) => caught)) as MailerError;
    expect(isMailerError(error) && error.code).toBe('InvalidConfig');
    expect(error.message).toContain('SMTP_PASS');
    expect(error.issues).toEqual([{ path: 'auth.pass', message: 'the environment variable SMTP_PASS is not set' }]);
  });

  it('accepts a variable set to the empty string', async () => {
    const file = await writeConfig(dir.path, { replyTo: '${REPLY_TO}' });
    expect(await loadConfigFile(file, { REPLY_TO: '' })).toEqual({ replyTo: '' });
  });

  it('reports a file that is not JSON or does not exist as InvalidConfig', async () => {
    const broken = join(dir.path, 'broken.json');
    await writeFile(broken, '{ "host": ');
    await expect(loadConfigFile(broken, {})).rejects.toMatchObject({ code: 'InvalidConfig', message: expect.stringContaining('not valid JSON') });
    await expect(loadConfigFile(join(dir.path, 'missing.json'), {})).rejects.toMatchObject({
      code: 'InvalidConfig',
      message: expect.stringContaining('ENOENT'),
    });
  });
});
