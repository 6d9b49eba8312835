/**
 * Removes credentials from text before it reaches a log line, an error message or a cause.
 *
 * @module
 */
/** What every removed secret is replaced with. */
const REDACTED = '[redacted]';

// An AUTH command with an initial response: the base64 blob after the mechanism is credentials.
// (A server's `250-AUTH LOGIN PLAIN` list has no blob and is left alone.)
const AUTH_COMMAND = /\bAUTH\s+([A-Za-z0-9_-]+)\s+[A-Za-z0-9+/]{8,}={0,2}(?=\s|$)/gi;

/** Turns text into text that holds none of the secrets it was built with. */
export type Redactor = (text: string) => string;

/**
 * Creates a redactor that replaces each secret, its base64 forms and the SASL blobs built from it
 * (`AUTH PLAIN`'s `\0user\0pass`, `XOAUTH2`'s `user=...\x01auth=Bearer ...`) with `[redacted]`,
 * and replaces the initial response of any `AUTH` command.
 *
 * @param secrets - The secrets to remove (a config's come from `secretsOf`).
 * @param user - The login user, needed to recognise the SASL blobs; not itself a secret.
 * @returns The redactor.
 */
export function createRedactor(secrets: readonly string[], user?: string): Redactor {
  const forms = new Set<string>();
  for (const secret of secrets) {
    forms.add(secret);
    forms.add(base64(secret));
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
    let result = text.replace(AUTH_COMMAND, (_match, mechanism: string) => `AUTH ${mechanism} ${REDACTED}`);
    for (const form of ordered) result = result.split(form).join(REDACTED);
    return result;
  };
}

function base64(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64');
}
