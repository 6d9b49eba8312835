/**
 * Finds where a JSON text breaks the grammar, in our own words: `JSON.parse`'s message quotes the
 * text around the error, which in a config file may be part of a password.
 *
 * @module
 */

/** Where a JSON text first breaks the grammar, and what is wrong there; never any of the text. */
export interface JsonSyntaxError {
  /** The line, counted from 1. */
  line: number;
  /** The column (in UTF-16 code units), counted from 1. */
  column: number;
  /** What is wrong there, in fixed wording: `expected ',' or '}' after a property value`. */
  problem: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const SIMPLE_ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const LITERALS = ['true', 'false', 'null'] as const;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const UNICODE_ESCAPE = /u[0-9a-fA-F]{4}/y;

/** Thrown inside the scan to stop at the first error. */
class Stop {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {}
}

/**
 * Scans a JSON text (RFC 8259, as `JSON.parse` reads it) and locates its first syntax error.
 *
 * @param source - The text `JSON.parse` refused.
 * @returns The error's line, column and a description that quotes nothing of the text; `undefined`
 *   when the text is valid JSON, or nests too deep to scan.
 * @example
 * ```ts
 * locateJsonSyntaxError('{\n  "port": 587,\n}'); // { line: 3, column: 1, problem: 'expected a double-quoted property name' }
 * ```
 */
export function locateJsonSyntaxError(source: string): JsonSyntaxError | undefined {
  let at = 0;
  const stop = (problem: string, offset = at): never => {
    throw new Stop(offset, offset >= source.length ? 'the file ends too early' : problem);
  };
  const skipWhitespace = (): void => {
    while (WHITESPACE.has(source.charAt(at))) at += 1;
  };
  const string = (): void => {
    const start = at;
    at += 1;
    for (;;) {
      const char = source.charAt(at);
      if (char === '"') return void (at += 1);
      if (at >= source.length) stop('a string that is never closed starts here', start);
      if (char < ' ') stop('a line break or other control character inside a string: close the string, or write \\n or \\t');
      if (char !== '\\') at += 1;
      else if (SIMPLE_ESCAPES.has(source.charAt(at + 1))) at += 2;
      else {
        UNICODE_ESCAPE.lastIndex = at + 1;
        if (!UNICODE_ESCAPE.test(source)) stop('a backslash that starts no valid escape inside a string: write \\\\ for one');
        at = UNICODE_ESCAPE.lastIndex;
      }
    }
  };
  const sequence = (close: '}' | ']', item: () => void, after: string): void => {
    at += 1;
    skipWhitespace();
    if (source.charAt(at) === close) return void (at += 1);
    for (;;) {
      item();
      skipWhitespace();
      const char = source.charAt(at);
      if (char === close) return void (at += 1);
      if (char !== ',') stop(`expected ',' or '${close}' after ${after}`);
      at += 1;
      skipWhitespace();
    }
  };
  const member = (): void => {
    if (source.charAt(at) !== '"') stop('expected a double-quoted property name');
    string();
    skipWhitespace();
    if (source.charAt(at) !== ':') stop("expected ':' after the property name");
    at += 1;
    value();
  };
  const value = (): void => {
    skipWhitespace();
    const char = source.charAt(at);
    if (char === '{') return sequence('}', member, 'a property value');
    if (char === '[') return sequence(']', value, 'an array item');
    if (char === '"') return string();
    NUMBER.lastIndex = at;
    if (NUMBER.test(source)) return void (at = NUMBER.lastIndex);
    const literal = LITERALS.find((word) => source.startsWith(word, at));
    if (literal !== undefined) return void (at += literal.length);
    stop('expected a value: a string in double quotes, a number, an object, an array, true, false or null');
  };

  try {
    value();
    skipWhitespace();
    if (at < source.length) stop('more text after the end of the JSON value');
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) return undefined; // nested deeper than the call stack
    return { ...lineAndColumn(source, error.offset), problem: error.problem };
  }
}

function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
