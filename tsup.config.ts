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

export default defineConfig([
  {
    // The library: both module systems, each with its own typings.
    ...shared,
    entry: { index: 'src/index.ts', 'templates/index': 'src/templates/index.ts', 'testing/index': 'src/testing/index.ts', 'links/index': 'src/links/index.ts', 'redis/index': 'src/redis/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
  },
  {
    // The CLI: one ESM file, run by the `auth-mailer` bin.
    ...shared,
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    splitting: false,
  },
]);
