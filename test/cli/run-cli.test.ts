import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseConfig, run, tempDir, writeConfig } from './run-cli-helper.js';

const COMMANDS = ['check', 'verify', 'send', 'render', 'demo'];
const ANSI = '\u001b[';

describe('auth-mailer (top level)', () => {
  it('prints help listing every command and the exit codes', async () => {
    for (const flag of ['--help', '-h']) {
      const result = await run([flag]);
      expect(result.code).toBe(0);
      for (const command of COMMANDS) expect(result.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
      expect(result.stdout).toContain('Exit codes: 0 success, 1 failure');
      expect(result.stdout).toContain('2 usage error');
      expect(result.stdout).toContain('"${NAME}"');
    }
  });

  it('exits 2 with the help on stderr when no command is given', async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: auth-mailer <command>');
  });

  it('prints the package version', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('exits 2 for an unknown command', async () => {
    const result = await run(['sned']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "sned"');
    expect(result.stderr).toContain('auth-mailer --help');
  });

  it.each(COMMANDS)('prints help for %s with --help and -h, documenting exit codes', async (command) => {
    for (const flag of ['--help', '-h']) {
      const result = await run([command, 'whatever.json', flag]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: auth-mailer ${command}`);
      expect(result.stdout).toContain('Exit codes: 0');
      expect(result.stdout).toContain('2 usage error');
    }
  });
});

describe('colour', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let file: string;
  beforeEach(async () => {
    dir = await tempDir();
    file = await writeConfig(dir.path, baseConfig());
  });
  afterEach(() => dir.cleanup());

  it('is used on a terminal', async () => {
    expect((await run(['check', file], { isTTY: true })).stdout).toContain(ANSI);
  });

  it('is never used off a terminal, or when NO_COLOR is set', async () => {
    expect((await run(['check', file])).stdout).not.toContain(ANSI);
    expect((await run(['check', file], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ANSI);
    expect((await run(['check', file], { isTTY: true, env: { NO_COLOR: '' } })).stdout).toContain(ANSI);
  });
});
