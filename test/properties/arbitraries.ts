/**
 * Hostile inputs shared by the property tests: strings that try to break out of a header line or
 * an HTML text node, and payload values that cannot be rendered as text.
 */
import fc from 'fast-check';
import { isMailerError } from '../../src/errors/mailer-error.js';

/** Every run is reproducible: a failure prints its seed and counterexample. */
export const SEED = 20_240_601;

/** Characters that matter to headers, HTML, mustache and SMTP. */
const NASTY_PIECES = [
  '\r\n',
  '\r',
  '\n',
  '\r\nBcc: eve@evil.test',
  '\nTo: eve@evil.test',
  '\r\n\r\n<html>',
  '\u0000',
  '\u000b',
  '\u000c',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u007f',
  '\t',
  '<script>alert(1)</script>',
  '<',
  '>',
  '&',
  '&amp;',
  '"',
  "'",
  '`',
  '=',
  '/',
  '{{',
  '}}',
  '{{code}}',
  '{{{code}}}',
  '=?utf-8?B?QmNjOiBldmVA?=',
  ':',
  ',',
  ';',
  '@',
  'eve@evil.test',
  '\uFEFF',
  '\u200B',
  '\uD83D\uDE00',
  '\uD800',
  'é',
  '用户',
  '.',
  '\r\n.\r\n',
];

/** A string mixing ordinary text with header, HTML and SMTP metacharacters. */
export const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof(fc.constantFrom(...NASTY_PIECES), fc.string({ unit: 'grapheme' })), { maxLength: 8 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_PIECES).map((piece) => `${'x'.repeat(998)}${piece}${'y'.repeat(2000)}`) },
);

/** A value that cannot be turned into text the ordinary way. */
const unrenderable = fc.constantFrom<() => unknown>(
  () => Object.create(null) as unknown,
  () => Object.assign(Object.create(null) as object, { a: 1 }),
  () => ({
    toString() {
      throw new Error('toString exploded');
    },
  }),
  () => ({ [Symbol.toPrimitive]: () => ({}) }),
  () => Symbol('s'),
  () => 10n,
  () => () => {
    throw new TypeError('lambda exploded');
  },
  () => () => Symbol('returned'),
  // Traps that throw for string keys only: fast-check itself probes values for symbol keys.
  () =>
    new Proxy(
      {},
      {
        get: (_target, key) => {
          if (typeof key === 'string') throw new Error('proxy get');
          return undefined;
        },
        getOwnPropertyDescriptor: (_target, key) => {
          if (typeof key === 'string') throw new Error('proxy descriptor');
          return undefined;
        },
      },
    ),
  () =>
    Object.defineProperty({}, 'code', {
      enumerable: true,
      get() {
        throw new Error('getter exploded');
      },
    }),
);

/** Any value a payload field might hold, hostile ones included. */
export const payloadValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    unrenderable.map((make) => make()),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('code', 'link', 'x', 'name', '__proto__', 'toString'), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** A whole payload, or something that is not a payload at all. */
export const payload: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.dictionary(fc.constantFrom('code', 'link', 'locale', 'x', 'name', 'user', 'constructor'), payloadValue, { maxKeys: 5 }) },
  { weight: 1, arbitrary: payloadValue },
);

/** Runs `work` and tells whether it threw (synchronously) anything but a MailerError. */
export function thrownNonMailerError(work: () => unknown): unknown {
  try {
    work();
    return undefined;
  } catch (error) {
    return isMailerError(error) ? undefined : error;
  }
}

/**
 * Calls `send` and returns what went wrong: a synchronous throw (a promise API must not throw),
 * or a rejection with anything but a MailerError. `undefined` when it resolved or rejected properly.
 */
export async function improperFailure(send: () => Promise<unknown>): Promise<unknown> {
  let pending: Promise<unknown>;
  try {
    pending = send();
  } catch (error) {
    return { thrownSynchronously: error };
  }
  try {
    await pending;
    return undefined;
  } catch (error) {
    return isMailerError(error) ? undefined : error;
  }
}
