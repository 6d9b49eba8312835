import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJsonSyntaxError } from '../../src/cli/locate-json-syntax-error.js';

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

// The characters JSON's grammar turns on, so random strings hit every rule and its edges.
const jsonish = fc.string({
  unit: fc.constantFrom(...'{}[]:,"\\/u0aF19-+.eEtrunlsf \n\t\r\u0001x'.split('')),
  maxLength: 24,
});
// Real JSON with one character deleted, replaced or inserted: the typos a config file gets.
const typo = fc
  .tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom('', ',', '"', '}', ']', ':', "'", '\n', 'x'), fc.boolean())
  .map(([text, index, piece, replace]) => {
    const at = index % (text.length + 1);
    return text.slice(0, at) + piece + text.slice(replace ? at + 1 : at);
  });

describe('locateJsonSyntaxError', () => {
  it('finds an error exactly when JSON.parse throws, inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(jsonish, typo, fc.json()), (text) => {
        const found = locateJsonSyntaxError(text);
        expect(found === undefined).toBe(parses(text));
        if (found === undefined) return;
        const lines = text.split('\n');
        expect(found.line).toBeGreaterThanOrEqual(1);
        expect(found.line).toBeLessThanOrEqual(lines.length);
        expect(found.column).toBeGreaterThanOrEqual(1);
        expect(found.column).toBeLessThanOrEqual((lines[found.line - 1]?.length ?? 0) + 1);
      }),
      { numRuns: 3000 },
    );
  });

  it('points at the mistake a person made, in words that quote nothing', () => {
    const cases: Array<[string, { line: number; column: number; problem: string }]> = [
      ['{\n  "port": 587,\n}', { line: 3, column: 1, problem: 'expected a double-quoted property name' }],
      ['{\n  "pass": s3cret-value\n}', { line: 2, column: 11, problem: expect.stringContaining('expected a value') }],
      ['{ "a": 1 "b": 2 }', { line: 1, column: 10, problem: "expected ',' or '}' after a property value" }],
      ['[1 2]', { line: 1, column: 4, problem: "expected ',' or ']' after an array item" }],
      ['{ "a" 1 }', { line: 1, column: 7, problem: "expected ':' after the property name" }],
      ['{ "pass": "abc\n}', { line: 1, column: 15, problem: expect.stringContaining('control character inside a string') }],
      ['{ "pass": "a\\qb" }', { line: 1, column: 13, problem: expect.stringContaining('no valid escape') }],
      ['{ "host": "smtp" ', { line: 1, column: 18, problem: 'the file ends too early' }],
      ['{ "pass": "abc', { line: 1, column: 11, problem: 'a string that is never closed starts here' }],
      ['{} {}', { line: 1, column: 4, problem: 'more text after the end of the JSON value' }],
      ['\uFEFF{}', { line: 1, column: 1, problem: expect.stringContaining('expected a value') }],
    ];
    for (const [text, expected] of cases) {
      expect(parses(text)).toBe(false);
      expect(locateJsonSyntaxError(text)).toEqual(expected);
    }
  });

  it('gives up quietly on nesting deeper than the call stack', () => {
    expect(locateJsonSyntaxError(`${'['.repeat(200_000)}x`)).toBeUndefined();
  });
});
