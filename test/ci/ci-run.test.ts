import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const summaryScript = join(root, 'scripts/print-test-summary.mjs');

/** The first of `/usr/bin/<tool>` and `/bin/<tool>` that exists. */
function systemTool(tool: string): string {
  const found = ['/usr/bin', '/bin'].map((dir) => join(dir, tool)).find((path) => existsSync(path));
  if (found === undefined) throw new Error(`${tool} is not installed in /usr/bin or /bin`);
  return found;
}

const bash = systemTool('bash');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function runFile(file: string, args: string[], options: { cwd?: string; env: NodeJS.ProcessEnv }): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(file, args, { ...options, timeout: 15_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A vitest JSON report with the given counts and one entry per test. */
function report(tests: Array<{ name: string; status: 'passed' | 'failed' | 'skipped' | 'todo' }>, success = true) {
  const count = (status: string) => tests.filter((test) => test.status === status).length;
  return {
    numPassedTests: count('passed'),
    numFailedTests: count('failed'),
    numPendingTests: count('skipped'),
    numTodoTests: count('todo'),
    success: success && count('failed') === 0,
    testResults: [{ assertionResults: tests.map((test) => ({ fullName: test.name, status: test.status })) }],
  };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'auth-mailer-ci-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('scripts/print-test-summary.mjs', () => {
  async function summarize(content: unknown, env: NodeJS.ProcessEnv): Promise<Outcome> {
    const file = join(await tempDir(), 'results.json');
    await writeFile(file, JSON.stringify(content));
    return runFile(process.execPath, [summaryScript, file], { env: { PATH: process.env.PATH, ...env } });
  }

  const withSkips = report([
    { name: 'delivery through a real Postfix delivers', status: 'skipped' },
    { name: 'spam scores later', status: 'todo' },
    { name: 'sends', status: 'passed' },
  ]);

  it('fails under CI when a test was skipped or left as a todo, naming each', async () => {
    const outcome = await summarize(withSkips, { CI: 'true' });
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toBe('1 passed, 0 failed, 2 skipped\n');
    expect(outcome.stderr).toContain('2 test(s) skipped under CI: CI must run every test');
    expect(outcome.stderr).toContain('  - delivery through a real Postfix delivers (skipped)');
    expect(outcome.stderr).toContain('  - spam scores later (todo)');
  });

  it('counts skipped tests without failing outside CI', async () => {
    expect(await summarize(withSkips, {})).toEqual({ code: 0, stdout: '1 passed, 0 failed, 2 skipped\n', stderr: '' });
  });

  it('passes under CI when every test ran and passed', async () => {
    const outcome = await summarize(report([{ name: 'sends', status: 'passed' }]), { CI: 'true' });
    expect(outcome).toEqual({ code: 0, stdout: '1 passed, 0 failed\n', stderr: '' });
  });

  it('fails when a test failed, or when a test file failed to run', async () => {
    expect((await summarize(report([{ name: 'sends', status: 'failed' }]), {})).code).toBe(1);
    const brokenFile = await summarize(report([{ name: 'sends', status: 'passed' }], false), {});
    expect(brokenFile.code).toBe(1);
    expect(brokenFile.stderr).toContain('A test file failed to run');
  });
});

describe('.ci/run', () => {
  /**
   * A copy of .ci/run and the summary script in a scratch tree, run with a PATH holding only stubs
   * and the few system tools the script uses: `apt-get`, `npm` and the checked tools are fakes.
   */
  async function runCi(options: { aptExit?: number; toolsInstalled: boolean; results?: unknown }): Promise<Outcome & { npmCalls: string[] }> {
    const dir = await tempDir();
    const bin = join(dir, 'bin');
    const tree = join(dir, 'repo');
    await Promise.all([mkdir(bin), mkdir(join(tree, '.ci'), { recursive: true }), mkdir(join(tree, 'scripts'), { recursive: true })]);
    await copyFile(join(root, '.ci/run'), join(tree, '.ci/run'));
    await copyFile(summaryScript, join(tree, 'scripts/print-test-summary.mjs'));
    for (const tool of ['dirname', 'rm', 'mktemp', 'cat']) await symlink(systemTool(tool), join(bin, tool));
    await symlink(process.execPath, join(bin, 'node'));
    const stub = async (name: string, body: string) => {
      await writeFile(join(bin, name), `#!${bash}\n${body}\n`);
      await chmod(join(bin, name), 0o755);
    };
    await stub('debconf-set-selections', 'cat >/dev/null');
    const installFails = options.aptExit !== undefined && options.aptExit !== 0;
    await stub(
      'apt-get',
      installFails ? `[ "$1" = install ] || exit 0\necho "E: Unable to locate package spamassassin" >&2\nexit ${options.aptExit}` : 'exit 0',
    );
    await stub('npm', `echo "npm $*" >>"$NPM_LOG"\n[ "$1" = test ] && printf '%s' "$RESULTS" >.vitest-results.json\nexit 0`);
    if (options.toolsInstalled) for (const tool of ['spamassassin', 'postfix', 'saslpasswd2', 'chromium', 'redis-server']) await stub(tool, 'exit 0');
    const npmLog = join(dir, 'npm.log');
    await writeFile(npmLog, '');
    // No CI in the environment: .ci/run must set it itself.
    const outcome = await runFile(bash, [join(tree, '.ci/run')], {
      cwd: tree,
      env: { PATH: bin, NPM_LOG: npmLog, RESULTS: JSON.stringify(options.results ?? report([{ name: 'sends', status: 'passed' }])) },
    });
    const npmCalls = (await readFile(npmLog, 'utf8')).split('\n').filter((line) => line !== '');
    return { ...outcome, npmCalls };
  }

  it('fails, and runs no test, when apt-get cannot install the packages, showing its output', async () => {
    const outcome = await runCi({ aptExit: 100, toolsInstalled: false });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('E: Unable to locate package spamassassin');
    expect(outcome.stderr).toContain('apt-get could not install spamassassin, postfix');
    expect(outcome.npmCalls).toEqual([]);
  });

  it('fails when apt-get succeeds but a tool the tests need is still missing', async () => {
    const outcome = await runCi({ aptExit: 0, toolsInstalled: false });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('Still missing after apt-get install: spamassassin postfix saslpasswd2 chromium redis-server');
    expect(outcome.npmCalls).toEqual([]);
  });

  it('fails when a test was skipped, though the caller did not set CI', async () => {
    const results = report([
      { name: 'sends', status: 'passed' },
      { name: 'delivery through a real Postfix delivers', status: 'skipped' },
    ]);
    const outcome = await runCi({ toolsInstalled: true, results });
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toContain('1 passed, 0 failed, 1 skipped');
    expect(outcome.stderr).toContain('delivery through a real Postfix delivers (skipped)');
  });

  it('passes when the tools are there and every test ran and passed', async () => {
    const outcome = await runCi({ toolsInstalled: true });
    expect(outcome.npmCalls).toEqual(['npm ci --no-audit --no-fund', 'npm test']);
    expect(outcome.stdout).toContain('1 passed, 0 failed');
    expect(outcome.code).toBe(0);
  });
});
