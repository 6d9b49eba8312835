import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with collected output. */
export async function run(
  argv: string[],
  options: { env?: Record<string, string | undefined>; isTTY?: boolean } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: options.isTTY ?? false },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: options.isTTY ?? false },
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

/** A temporary directory removed by `cleanup`. */
export async function tempDir(): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'auth-mailer-cli-'));
  return { path, cleanup: () => rm(path, { recursive: true, force: true }) };
}

/** Writes `config` as JSON into `directory` and returns the file's path. */
export async function writeConfig(directory: string, config: unknown, name = 'config.json'): Promise<string> {
  const file = join(directory, name);
  await writeFile(file, JSON.stringify(config, null, 2));
  return file;
}

/** A small valid config with a Generic plain-text template and an HTML SignIn template. */
export function baseConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    host: '127.0.0.1',
    port: 2525,
    fromEmail: 'Acme <no-reply@acme.example>',
    templates: [
      { usageType: 'Generic', contentType: 'text/plain', subject: 'Your code', content: 'Code: {{code}}' },
      {
        usageType: 'SignIn',
        contentType: 'text/html',
        subject: 'Sign in to {{app}}',
        content: '<p>Hello {{user.name}}, your code is <b>{{code}}</b>.</p>',
        text: 'Hello {{user.name}}, your code is {{code}}.',
      },
    ],
    ...overrides,
  };
}

/** A command that keeps running (preview, dev), started in-process. */
export interface RunningCli {
  /** Resolves with the first match of `pattern` in stdout (its first group, or the whole match). */
  waitForOutput(pattern: RegExp): Promise<string>;
  /** Stops the command as Ctrl-C would and resolves with how it ended. */
  stop(): Promise<CliRun>;
  /** Resolves when the command ends on its own (a failure at start). */
  readonly done: Promise<CliRun>;
}

/** Starts a long-running command in-process; `stop()` aborts its `io.signal`. */
export function startCli(argv: string[], options: { env?: Record<string, string | undefined> } = {}): RunningCli {
  let stdout = '';
  let stderr = '';
  const controller = new AbortController();
  const listeners = new Set<() => void>();
  const collect = (chunk: string): void => {
    stdout += chunk;
    for (const listener of listeners) listener();
  };
  const done = runCli(argv, {
    stdout: { write: collect, isTTY: false },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: false },
    env: options.env ?? {},
    signal: controller.signal,
  }).then((code) => ({ code, stdout, stderr }));
  return {
    done,
    waitForOutput: (pattern) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const match = pattern.exec(stdout);
          if (match === null) return;
          listeners.delete(check);
          resolve(match[1] ?? match[0]);
        };
        listeners.add(check);
        check();
        void done.then((result) => reject(new Error(`the command ended (exit ${result.code}) before printing ${pattern}:\n${result.stderr}${result.stdout}`)));
      }),
    stop: () => {
      controller.abort();
      return done;
    },
  };
}
