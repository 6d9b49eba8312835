/**
 * Checks that a send goes to exactly one valid address, and writes it the way the `To` header
 * should carry it.
 *
 * @module
 */
import { domainToASCII } from 'node:url';
import { MailerError } from '../errors/mailer-error.js';
import { hasControlCharacter, toHeaderValue } from '../shared/header-value.js';

const MAX_LOCAL_OCTETS = 64;
const MAX_ADDRESS_OCTETS = 254;
const MAX_ECHO_LENGTH = 120;
// RFC 5322 atext, plus any non-ASCII character (RFC 6531 internationalized addresses).
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\u{10ffff}-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\u{10ffff}-]+)*$/u;
// The Unicode property patterns below cost milliseconds to build, so they are built on first use,
// not when the package is imported.
let label: RegExp | undefined;
let invisible: RegExp | undefined;
// A host name label: letters (any script), digits, inner hyphens.
const hostLabel = (): RegExp => (label ??= /^[\p{L}\p{N}\p{M}](?:[\p{L}\p{N}\p{M}-]*[\p{L}\p{N}\p{M}])?$/u);
// Invisible or unencodable characters no real address holds: Unicode spaces, format characters
// (byte order mark, zero-width space, bidi controls; ZWNJ and ZWJ stay, some scripts need them)
// and unpaired surrogates.
const invisibleCharacter = (): RegExp => (invisible ??= /[\p{White_Space}\p{Cs}]|(?![\u200c\u200d])\p{Cf}/u);
// Characters that make a display name need double quotes (RFC 5322 specials).
const SPECIALS = /[()<>[\]:;@\\,."]/;
// A plain ASCII address that the full parse returns as it is but for the domain's case: a dot-atom
// local part of atext, `@`, then host name labels of letters, digits and inner hyphens, 1 to 63
// characters each. No label starts with `xn--` (punycode, which domainToASCII may refuse) and the
// last one is letters only (a numeric last label makes domainToASCII read an IPv4 address), so
// domainToASCII gives back the lowercased domain unchanged.
const PLAIN_ADDRESS =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:(?![Xx][Nn]--)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z]{1,63}$/;

type Fail = (why: string) => MailerError;

/**
 * Checks that `to` holds exactly one email address, as `user@example.com` or
 * `Name <user@example.com>`, and returns it normalized for the `To` header: the domain lowercased,
 * the display name kept (double-quoted when it holds special characters), surrounding space
 * removed. Internationalized local parts and IDN domains are accepted.
 *
 * @param to - The recipient a caller passed.
 * @param quote - Whether an error's message quotes `to`; `false` keeps it out (the mailer's
 *   `redactRecipients`: a malformed recipient may hold an address and a name that masking misses).
 * @returns The address, or `Name <address>`, to put in the `To` header.
 * @throws {@link MailerError} `InvalidRecipient` when `to` is not a string, is empty, holds a list
 *   (`,` `;`), a group (`name: ...;`), a comment, a control character, a quoted local part, no
 *   domain, a space or invisible character (byte order mark, zero-width space, bidi control) in
 *   the address, or is longer than SMTP allows (64 octets before `@`, 254 in all).
 * @example
 * ```ts
 * parseRecipient('Ada Lovelace <Ada@Example.COM>'); // 'Ada Lovelace <Ada@example.com>'
 * parseRecipient('a@example.com, b@example.com');   // throws InvalidRecipient
 * ```
 */
export function parseRecipient(to: unknown, quote = true): string {
  return (typeof to === 'string' ? parsePlainAddress(to) : undefined) ?? parseRecipientInFull(to, quote);
}

/**
 * The fast path of {@link parseRecipient}: handles a plain ASCII `user@example.com` with no display
 * name and no surrounding space, the common case, with one regex test. Internal: exported only so
 * a test can compare it with {@link parseRecipientInFull}; not part of the package API.
 *
 * @param value - The recipient a caller passed.
 * @returns What {@link parseRecipientInFull} returns for `value`, or `undefined` when `value` is not
 *   such a plain address and needs the full parse (which may refuse it).
 * @internal
 */
export function parsePlainAddress(value: string): string | undefined {
  if (value.length > MAX_ADDRESS_OCTETS || !PLAIN_ADDRESS.test(value)) return undefined;
  const at = value.indexOf('@');
  if (at > MAX_LOCAL_OCTETS) return undefined;
  return value.slice(0, at + 1) + value.slice(at + 1).toLowerCase();
}

/**
 * The full parse behind {@link parseRecipient}, for any input; {@link parsePlainAddress} gives the
 * same result for the plain addresses it handles. Internal: exported only so a test can compare the
 * two; not part of the package API.
 *
 * @param to - The recipient a caller passed.
 * @param quote - Whether an error's message quotes `to`.
 * @returns The address, or `Name <address>`, to put in the `To` header.
 * @throws {@link MailerError} `InvalidRecipient` in the cases {@link parseRecipient} lists.
 * @internal
 */
export function parseRecipientInFull(to: unknown, quote = true): string {
  if (typeof to !== 'string') {
    throw new MailerError(
      'InvalidRecipient',
      `the recipient must be a string holding one email address, not ${to === null ? 'null' : typeof to}`,
    );
  }
  const shown = quote ? `the recipient ${shownRecipient(to)}` : 'the recipient (not shown: redactRecipients)';
  const fail: Fail = (why) => new MailerError('InvalidRecipient', `${shown} ${why}`);
  if (hasControlCharacter(to)) throw fail('holds a line break or other control character; pass one address on one line');
  const value = to.trim();
  if (value === '') throw new MailerError('InvalidRecipient', 'the recipient is empty; pass one address such as user@example.com');
  const { name, address } = splitMailbox(value, fail);
  return formatMailbox(name, checkAddress(address, fail));
}

/** Quotes the recipient for an error message: on one line, cut to a readable length. */
function shownRecipient(to: string): string {
  const echo = toHeaderValue(to);
  return JSON.stringify(echo.length > MAX_ECHO_LENGTH ? `${echo.slice(0, MAX_ECHO_LENGTH)}...` : echo);
}

/** Splits `Name <addr>` or `addr`, refusing lists, groups, comments and stray brackets. */
function splitMailbox(value: string, fail: Fail): { name: string; address: string } {
  const unquoted = withoutQuotedText(value, fail);
  if (/:/.test(unquoted) && /[;,]|:.*</.test(unquoted)) {
    throw fail('is a group (`name: addresses;`); pass exactly one address');
  }
  if (/[,;]/.test(unquoted)) throw fail('holds more than one address; pass exactly one address per send');
  if (/[()]/.test(unquoted)) throw fail('holds a comment in parentheses; pass a plain address');
  const open = unquoted.indexOf('<');
  if (open === -1 && !unquoted.includes('>')) return { name: '', address: value };
  if (open === -1 || unquoted.indexOf('>') !== value.length - 1 || unquoted.lastIndexOf('<') !== open) {
    throw fail('has unbalanced angle brackets; write `user@example.com` or `Name <user@example.com>`');
  }
  return { name: readDisplayName(value.slice(0, open).trim(), fail), address: value.slice(open + 1, -1).trim() };
}

/** Returns `value` with the content of each double-quoted string blanked out. */
function withoutQuotedText(value: string, fail: Fail): string {
  let result = '';
  let quoted = false;
  for (let index = 0; index < value.length; index += 1) {
    const character = value[index] as string;
    if (quoted && character === '\\') {
      result += '  ';
      index += 1;
    } else if (character === '"') {
      quoted = !quoted;
      result += '"';
    } else {
      result += quoted ? ' ' : character;
    }
  }
  if (quoted) throw fail('has an unclosed double quote');
  return result;
}

function readDisplayName(raw: string, fail: Fail): string {
  if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') && !/(^|[^\\])"/.test(raw.slice(1, -1))) {
    return raw.slice(1, -1).replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').trim();
  }
  if (/["@[\]\\]/.test(raw)) {
    throw fail('has a display name holding `@`, quotes or brackets; put the name in double quotes');
  }
  return raw.replace(/\s+/g, ' ');
}

/** Validates an addr-spec and returns it with the domain lowercased. */
function checkAddress(address: string, fail: Fail): string {
  if (address.includes('"')) throw fail('has a quoted local part; pass a plain address such as user@example.com');
  const at = address.lastIndexOf('@');
  if (at === -1) throw fail('has no @domain; pass an address such as user@example.com');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).toLowerCase();
  if (local.includes('@')) throw fail('holds more than one @');
  if (local === '') throw fail('has nothing before the @');
  if (invisibleCharacter().test(address)) throw fail('holds a space, an invisible formatting character or a broken UTF-16 character');
  if (domain === '') throw fail('has no domain after the @');
  if (!DOT_ATOM.test(local)) throw fail('has a character that is not allowed before the @, or a misplaced dot');
  const labels = domain.split('.');
  const ascii = domainToASCII(domain);
  if (!labels.every((name) => hostLabel().test(name)) || ascii === '' || ascii.split('.').some((label) => label.length > 63)) {
    throw fail(`has an invalid domain ${JSON.stringify(domain)}`);
  }
  if (Buffer.byteLength(local) > MAX_LOCAL_OCTETS) throw fail(`has more than ${MAX_LOCAL_OCTETS} octets before the @`);
  if (Buffer.byteLength(`${local}@${ascii}`) > MAX_ADDRESS_OCTETS) throw fail(`is longer than ${MAX_ADDRESS_OCTETS} octets`);
  return `${local}@${domain}`;
}

function formatMailbox(name: string, address: string): string {
  if (name === '') return address;
  const phrase = SPECIALS.test(name) ? `"${name.replace(/[\\"]/g, '\\$&')}"` : name;
  return `${phrase} <${address}>`;
}
