import { defineConfig } from 'tsup';

const shared = { target: 'node20', platform: 'node', treeshake: true, sourcemap: false } as const;

export default defineConfig([
  {
    // The library: both module systems, each with its own typings.
    ...shared,
    entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
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
