import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';

// valibot and mustache are bundled (they are devDependencies): tree-shaking keeps only the few
// functions we call, and a user's `import('auth-mailer')` reads and compiles two fewer packages.
const shared: Options = {
  target: 'node20',
  platform: 'node',
  treeshake: true,
  sourcemap: false,
  noExternal: ['valibot', 'mustache'],
};

// The side entries are built apart from the main one, so that `import('auth-mailer')` loads one
// chunk beside index.js instead of the eight esbuild split out of the code they share (each a
// module to read and link: ~2.5 ms of every import). Their one link back is the MailerError class: they import it
// from 'auth-mailer' itself, so `instanceof MailerError` holds for errors of every entry.
const MAILER_ERROR = fileURLToPath(new URL('src/errors/mailer-error.ts', import.meta.url));

export default defineConfig([
  {
    // The library: both module systems, each with its own typings; chunks only for what loads lazily.
    ...shared,
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
  },
  {
    // The side entries: auth-mailer/testing, /redis, /templates, /links, /authjs, /logto, /better-auth.
    ...shared,
    entry: { 'testing/index': 'src/testing/index.ts', 'redis/index': 'src/redis/index.ts', 'templates/index': 'src/templates/index.ts', 'links/index': 'src/links/index.ts', 'authjs/index': 'src/authjs/index.ts', 'logto/index': 'src/logto/index.ts', 'better-auth/index': 'src/better-auth/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
    esbuildPlugins: [
      {
        name: 'mailer-error-from-the-main-entry',
        setup(build) {
          build.onResolve({ filter: /mailer-error\.js$/ }, (args) => {
            const resolved = fileURLToPath(new URL(args.path.replace(/\.js$/, '.ts'), `file://${args.resolveDir}/`));
            return resolved === MAILER_ERROR ? { path: 'auth-mailer', external: true } : undefined;
          });
        },
      },
    ],
  },
  {
    // The CLI: one ESM file, run by the `auth-mailer` bin.
    ...shared,
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    splitting: false,
  },
]);
