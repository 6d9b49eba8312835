/**
 * Refuses, before anything is sent, a message whose envelope needs SMTPUTF8 (RFC 6531) when the
 * server does not offer it. nodemailer would otherwise send the UTF-8 address without the
 * SMTPUTF8 parameter, which a server may refuse, or accept and then mangle.
 *
 * @module
 */
import type { ResolvedMailerConfig } from '../../config/mailer-config.js';
import { MailerError } from '../../errors/mailer-error.js';
import type { MailMessage } from '../../types/transport.js';
import { readSmtpSession } from './read-smtp-session.js';

/**
 * Checks one message before it is handed to nodemailer. Returns `undefined` when the message needs
 * no SMTPUTF8 (the common case, answered synchronously), or a promise that rejects when the server
 * cannot take it.
 */
export type SmtpUtf8Check = (message: MailMessage) => Promise<void> | undefined;

/** Any UTF-16 code unit outside ASCII, surrogates included. */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Tells whether a mailbox (`addr` or `Name <addr>`) needs SMTPUTF8: its local part holds a
 * non-ASCII character. A non-ASCII domain alone does not, since nodemailer sends it as punycode
 * (`user@例子.测试` goes out as `user@xn--fsqu00a.xn--0zwm56d`); a display name is encoded in the
 * header and never reaches the envelope.
 *
 * @param mailbox - The mailbox as the message carries it.
 * @returns `true` when the envelope address has a non-ASCII local part.
 */
function needsSmtpUtf8(mailbox: string): boolean {
  if (!NON_ASCII.test(mailbox)) return false;
  const address = /<([^<>]*)>\s*$/.exec(mailbox)?.[1] ?? mailbox;
  return NON_ASCII.test(address.slice(0, Math.max(address.lastIndexOf('@'), 0)));
}

/**
 * Creates the check the SMTP transport runs before each send. Messages with ASCII envelope
 * addresses pass at once, without a promise. For the first one that needs SMTPUTF8, one extra
 * connection reads the server's EHLO reply (after STARTTLS, when that is used) and quits without
 * authenticating or sending; the answer is kept for the transport's lifetime. A failed probe is
 * not kept, so the next send asks again.
 *
 * @param config - The resolved config: where to connect and how (TLS, timeouts, client name).
 * @returns The check.
 * @throws {@link MailerError} (from the check) `InvalidRecipient` when the recipient needs SMTPUTF8
 *   and the server does not offer it, `InvalidConfig` when the sender does; neither is retryable.
 *   A probe that cannot connect rejects with the connection error, for the caller to classify.
 * @example
 * ```ts
 * const checkSmtpUtf8 = createSmtpUtf8Check(config);
 * await checkSmtpUtf8(message); // undefined at once, or rejects before anything is sent when the server cannot take it
 * ```
 */
export function createSmtpUtf8Check(config: ResolvedMailerConfig): SmtpUtf8Check {
  let offered: Promise<boolean> | undefined;
  // Once the probe has said yes, internationalized messages pass synchronously too.
  let known = false;
  // The sender is the same string on nearly every message: its answer is kept.
  let lastFrom: string | undefined;
  let fromNeeds = false;

  const probe = async (message: MailMessage, recipient: boolean): Promise<void> => {
    offered ??= serverOffersSmtpUtf8(config).catch((error: unknown) => {
      offered = undefined;
      throw error;
    });
    known = await offered;
    if (known) return;
    const server = `${config.host}:${config.port}`;
    throw recipient
      ? new MailerError(
          'InvalidRecipient',
          `Cannot send to ${message.to}: the server ${server} does not support SMTPUTF8, so it cannot take an address ` +
            'with non-ASCII characters before the @. Nothing was sent; ask for an ASCII address, or use a server that offers SMTPUTF8.',
        )
      : new MailerError(
          'InvalidConfig',
          `Cannot send from ${message.from}: the server ${server} does not support SMTPUTF8, so it cannot take a sender ` +
            'address with non-ASCII characters before the @. Nothing was sent; use an ASCII sender address.',
          { issues: [{ path: 'fromEmail', message: 'needs SMTPUTF8, which the server does not offer; use an ASCII address' }] },
        );
  };

  return (message) => {
    if (message.from !== lastFrom) {
      fromNeeds = needsSmtpUtf8(message.from);
      lastFrom = message.from;
    }
    const recipient = needsSmtpUtf8(message.to);
    if (known || (!recipient && !fromNeeds)) return undefined;
    return probe(message, recipient);
  };
}

/** Reads the server's EHLO extensions (after STARTTLS, when that is used), without logging in. */
async function serverOffersSmtpUtf8(config: ResolvedMailerConfig): Promise<boolean> {
  const { extensions } = await readSmtpSession(config, { authenticate: false });
  return extensions.some((extension) => extension.split(' ', 1)[0]?.toUpperCase() === 'SMTPUTF8');
}
