import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Every import of a source file: static, re-exports and `import()`, type-only ones included. */
const IMPORT = /^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm;

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [path.relative(SRC, full)] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(SRC, file), 'utf8').replace(/^\s*\*.*$/gm, '');
  return [...text.matchAll(IMPORT)].map((match) => (match[1] ?? match[2]) as string);
}

/** The source file a relative specifier names, relative to src/. */
function resolve(from: string, specifier: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)).replace(/\.js$/, '.ts');
}

/** The floor a file belongs to: its folder under src/ (`transports/smtp`), or `core` at the top. */
function floorOf(file: string): string {
  if (!file.includes('/')) return 'core';
  return file.startsWith('transports/') ? file.split('/').slice(0, 2).join('/') : (file.split('/')[0] as string);
}

const FOUNDATION = ['types', 'errors', 'shared'];

/** Which floors each floor may import. Data flows config -> templates -> render -> message -> delivery -> transport. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  types: ['types'],
  errors: ['errors', 'shared', 'types'],
  shared: FOUNDATION,
  config: [...FOUNDATION, 'config'],
  templates: [...FOUNDATION, 'templates', 'render'],
  render: [...FOUNDATION, 'render'],
  message: [...FOUNDATION, 'message', 'templates'],
  delivery: [...FOUNDATION, 'delivery'],
  'rate-limit': [...FOUNDATION, 'rate-limit'],
  // The SMTP transport is handed the resolved config (its input) and reads nothing else above it.
  'transports/smtp': [...FOUNDATION, 'transports/smtp', 'config'],
  testing: [...FOUNDATION, 'testing', 'config'],
  // The `auth-mailer/links` entry: a Fetch API page handler beside the mailer, not under it; it
  // borrows only the renderer's HTML escaping.
  links: [...FOUNDATION, 'links', 'render'],
  core: [...FOUNDATION, 'core', 'config', 'templates', 'message', 'delivery', 'rate-limit', 'transports/smtp'],
  // The CLI's pages (preview, dev) borrow the renderer's HTML escaping, as links does.
  // `check --framework` reads each adapter's table of what it sends (framework-free files).
  cli: [...FOUNDATION, 'cli', 'core', 'config', 'templates', 'render', 'transports/smtp', 'testing', 'better-auth', 'authjs', 'logto'],
  // auth-mailer/redis: checks requests (message) and limits (rate-limit) at enqueue, and hands jobs
  // to a Mailer (core) in its workers; nothing below imports it.
  redis: [...FOUNDATION, 'redis', 'message', 'rate-limit', 'core'],
  // auth-mailer/authjs: hands Auth.js's sign-in links to a Mailer (core), with the request's
  // language read by the templates floor's localeFromHeaders.
  authjs: [...FOUNDATION, 'authjs', 'core', 'templates'],
  // auth-mailer/logto: a Logto email connector that creates its mailers with createMailer (core)
  // from the config Logto stores; nothing below imports it.
  logto: [...FOUNDATION, 'logto', 'core'],
  // auth-mailer/better-auth: callbacks that hand better-auth's emails to a Mailer (core), with the
  // request's locale read by templates' localeFromHeaders; it imports no better-auth code at all.
  'better-auth': [...FOUNDATION, 'better-auth', 'core', 'templates'],
};

/** Which files may import each package (by the start of their path under src/). */
const PACKAGE_OWNERS: Readonly<Record<string, readonly string[]>> = {
  nodemailer: ['transports/smtp/nodemailer.ts'],
  mustache: ['render/'],
  'html-to-text': ['render/'],
  valibot: ['config/'],
  'smtp-server': ['testing/'],
  mailparser: ['testing/'],
  bullmq: ['redis/'],
  ioredis: ['redis/'],
  // @auth/core, keyed by its scope (the check splits a specifier at its first slash).
  '@auth': ['authjs/'],
  // @logto/connector-kit (the scope is what a specifier's first segment names).
  '@logto': ['logto/'],
  'better-auth': ['better-auth/'],
};

const files = sourceFiles();
const graph = new Map(files.map((file) => [file, importsOf(file)]));

describe('the shape of src/', () => {
  it('has files in every floor the architecture names', () => {
    expect(new Set(files.map(floorOf))).toEqual(new Set(Object.keys(ALLOWED)));
    // The walk reads real imports: the mailer alone has more than ten.
    expect(graph.get('mailer.ts')?.length).toBeGreaterThan(10);
  });

  it('imports only downwards: each floor reaches only the floors below it', () => {
    const upward = files.flatMap((file) =>
      (graph.get(file) ?? [])
        .filter((specifier) => specifier.startsWith('.'))
        .map((specifier) => [file, resolve(file, specifier)] as const)
        .filter(([from, to]) => !to.endsWith('.json') && !ALLOWED[floorOf(from)]?.includes(floorOf(to)))
        .map(([from, to]) => `${from} -> ${to}`),
    );
    expect(upward).toEqual([]);
  });

  it('keeps the core away from the SMTP transport: only the factory (and the CLI) pick it', () => {
    const users = files.filter((file) =>
      (graph.get(file) ?? []).some((specifier) => specifier.startsWith('.') && resolve(file, specifier).startsWith('transports/smtp/')),
    );
    expect(users.filter((file) => !file.startsWith('transports/smtp/') && !file.startsWith('cli/'))).toEqual(['create-mailer.ts']);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const specifier of graph.get(file) ?? []) {
        const target = resolve(file, specifier);
        if (specifier.startsWith('.') && graph.has(target)) visit(target, [...trail, file]);
      }
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('lets one place import each dependency', () => {
    const strays = files.flatMap((file) =>
      (graph.get(file) ?? [])
        .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:'))
        .map((specifier) => [specifier.split('/')[0] as string, specifier] as const)
        .filter(([name]) => !(PACKAGE_OWNERS[name] ?? []).some((owner) => file.startsWith(owner)))
        .map(([, specifier]) => `${file} imports ${specifier}`),
    );
    expect(strays).toEqual([]);
  });

  it('keeps types/ to contracts: no runtime code but the list of usage types', () => {
    const runtime = files
      .filter((file) => file.startsWith('types/'))
      .filter((file) => /^export (?:async )?(?:function|class|let|var)\b|^export const (?!KNOWN_USAGE_TYPES\b)/m.test(readFileSync(path.join(SRC, file), 'utf8')));
    expect(runtime).toEqual([]);
  });
});
