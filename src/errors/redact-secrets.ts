/**
 * Removes credentials from text before it reaches a log line, an error message or a cause.
 *
 * @module
 */
import { inspect } from 'node:util';

/** What every removed secret is replaced with. */
const REDACTED = '[redacted]';

// An AUTH command with an initial response: the base64 blob after the mechanism is credentials.
// (A server's `250-AUTH LOGIN PLAIN` list has no blob and is left alone.)
const AUTH_COMMAND = /\bAUTH\s+([A-Za-z0-9_-]+)\s+[A-Za-z0-9+/]{8,}={0,2}(?=\s|$)/gi;

// A credential named by its parameter, whatever its value, in a form body (`client_secret=...`),
// JSON (`"refresh_token":"..."`) or inspect output (`accessToken: '...'`). nodemailer's OAuth2 log
// shows the first characters of the client secret and refresh token it sends, and the token
// endpoint's answer (fresh tokens) in full; an endpoint's error may echo the request body.
// A quoted value may lack its closing quote (a truncated line): then the rest of the text goes.
const NAMED_SECRET =
  /(?<![A-Za-z0-9_])((?:client_?secret|refresh_?token|access_?token|id_?token|(?:client_?)?assertion|private_?key|passphrase|password|pass)["']?\s*[:=]\s*)("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|[^\s&,;"'}\])]+)/gi;

// The text V8's JSON.parse quotes around a syntax error (`Unexpected token 'G', "GOCSPX-Hq4"... is
// not valid JSON`): when the text is a token endpoint's answer echoing the request, a secret's start.
const JSON_PARSE_QUOTE = /(?:\.\.\.)?"[^]*?"(?:\.\.\.)?(?= is not valid JSON)/g;

/** Turns text into text that holds none of the secrets it was built with. */
export type Redactor = (text: string) => string;

/**
 * Creates a redactor that replaces each secret, its base64, URL, JSON and inspect encodings and the
 * SASL blobs built from it (`AUTH PLAIN`'s `\0user\0pass`, `XOAUTH2`'s `user=...\x01auth=Bearer ...`)
 * with `[redacted]`. Whatever the configured secrets, it also replaces the initial response of any
 * `AUTH` command, the value of any parameter named like a credential (`client_secret=`,
 * `"refresh_token":`, `access_token`, `id_token`, `assertion`, `private_key`, `password`, ...) and
 * the text `JSON.parse` quotes in its syntax errors.
 *
 * @param secrets - The secrets to remove (a config's come from `secretsOf`).
 * @param user - The login user, needed to recognise the SASL blobs; not itself a secret.
 * @returns The redactor.
 */
export function createRedactor(secrets: readonly string[], user?: string): Redactor {
  const forms = new Set<string>();
  for (const secret of secrets) {
    forms.add(secret);
    forms.add(secret.trim());
    forms.add(base64(secret));
    // As a form body carries it (nodemailer trims the value), as URLSearchParams does, inside JSON,
    // as util.inspect quotes it.
    forms.add(encodeURIComponent(secret.trim()));
    forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
    forms.add(JSON.stringify(secret).slice(1, -1));
    forms.add(inspect(secret).slice(1, -1));
    if (user !== undefined) {
      forms.add(base64(`\u0000${user}\u0000${secret}`));
      forms.add(base64(`${user}\u0000${user}\u0000${secret}`));
      forms.add(base64(`user=${user}\u0001auth=Bearer ${secret}\u0001\u0001`));
    }
    // A PEM key may be quoted line by line, a long token may be wrapped.
    for (const line of secret.split(/\r?\n/)) if (line.trim().length >= 8) forms.add(line.trim());
  }
  // Longest first, so a secret that contains another is removed whole.
  const ordered = [...forms].filter((form) => form.length > 0).sort((a, b) => b.length - a.length);
  return (text) => {
    let result = text
      .replace(AUTH_COMMAND, (_match, mechanism: string) => `AUTH ${mechanism} ${REDACTED}`)
      .replace(NAMED_SECRET, (_match, name: string, value: string) => `${name}${quoted(value, REDACTED)}`);
    // Checked first: on a long line full of quotes, the lazy match would scan far for nothing.
    if (result.includes(' is not valid JSON')) result = result.replace(JSON_PARSE_QUOTE, '(the text is not shown)');
    for (const form of ordered) result = result.split(form).join(REDACTED);
    return result;
  };
}

function base64(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64');
}

/** `replacement` in the quotes `value` had, if any. */
function quoted(value: string, replacement: string): string {
  const quote = value.charAt(0);
  return quote === '"' || quote === "'" ? `${quote}${replacement}${quote}` : replacement;
}
