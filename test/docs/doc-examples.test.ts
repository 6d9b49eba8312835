import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);
/** `<!-- example: examples/x.ts -->` then a fenced block: the block must be that file, verbatim. */
const EXAMPLE = /<!-- example: (\S+) -->\n```ts\n([\s\S]*?)```/g;

function examplesIn(doc: string): { file: string; block: string }[] {
  const text = readFileSync(new URL(`docs/${doc}`, ROOT), 'utf8');
  return [...text.matchAll(EXAMPLE)].map((match) => ({ file: match[1] as string, block: match[2] as string }));
}

const docs = readdirSync(new URL('docs/', ROOT)).filter((name) => name.endsWith('.md'));
const examples = docs.flatMap((doc) => examplesIn(doc).map((example) => ({ doc, ...example })));

describe('code examples in docs/', () => {
  it('shows each framework adapter with a type-checked example file', () => {
    const shown = examplesIn('frameworks.md').map((example) => example.file);
    expect(shown).toEqual(expect.arrayContaining(['examples/frameworks/better-auth.ts', 'examples/frameworks/authjs.ts', 'examples/frameworks/logto.ts']));
  });

  it.each(examples)('$doc shows $file as it is (tsc type-checks the file)', ({ file, block }) => {
    expect(block).toBe(readFileSync(new URL(file, ROOT), 'utf8'));
  });
});
