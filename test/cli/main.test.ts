import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const main = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/** Runs the built executable; resolves with its exit code and output whatever the code. */
async function spawnCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [main, ...args], { env: { ...process.env, NO_COLOR: '1' }, timeout: 15_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the built auth-mailer executable', () => {
  beforeAll(async () => {
    // `npm test` builds first; a bare `vitest run` builds here.
    if (!existsSync(main)) await exec('npx', ['tsup'], { cwd: root, timeout: 120_000 });
  }, 120_000);

  it('prints help', async () => {
    const result = await spawnCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: auth-mailer <command>');
  });

  it('runs the demo end to end and exits on its own with code 0', async () => {
    const result = await spawnCli(['demo']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().endsWith('12 of 12 messages delivered')).toBe(true);
  });

  it('exits 2 for a usage error', async () => {
    const result = await spawnCli(['send']);
    expect(result.code).toBe(2);
  });
});

describe('the built executable serving a page', () => {
  beforeAll(async () => {
    if (!existsSync(main)) await exec('npx', ['tsup'], { cwd: root, timeout: 120_000 });
  }, 120_000);

  /** Starts `dev`, waits for its inbox URL, sends `signal`, and resolves with the exit code and the URL. */
  async function stopWith(signal: NodeJS.Signals): Promise<{ code: number | null; url: string }> {
    const child = spawn(process.execPath, [main, 'dev'], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        const found = /Inbox at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1];
        if (found !== undefined) resolve(found);
      });
      child.once('exit', () => reject(new Error(`dev exited before printing its URL: ${stdout}`)));
    });
    expect((await fetch(url)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    return { code: await exited, url };
  }

  it.each(['SIGINT', 'SIGTERM'] as const)('dev stops on %s with exit code 0, its port closed', async (signal) => {
    const { code, url } = await stopWith(signal);
    expect(code).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  }, 30_000);
});
