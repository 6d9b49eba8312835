/**
 * Builds the RFC 5322 text of a rendered message, as the SMTP transport would send it; for
 * previews saved as `.eml` files.
 *
 * @module
 */
import type { MailMessage } from '../../types/transport.js';

/** A rendered message to compose: {@link MailMessage} with the recipient optional. */
export type ComposableMessage = Omit<MailMessage, 'to'> & { to?: string };

/**
 * Composes a full MIME message (headers, `multipart/alternative` for HTML with its plain-text
 * part) with nodemailer's composer, loaded on first use. No file or URL is ever read.
 *
 * @param message - The rendered message; without `to`, the message has no To header.
 * @returns The message as CRLF-terminated RFC 5322 text.
 */
export async function composeMime(message: ComposableMessage): Promise<string> {
  const { MailComposer } = await import('./nodemailer.js');
  const composer = new MailComposer({
    from: message.from,
    ...(message.to === undefined ? {} : { to: message.to }),
    ...(message.replyTo === undefined ? {} : { replyTo: message.replyTo }),
    subject: message.subject,
    ...(message.text === undefined ? {} : { text: message.text }),
    ...(message.html === undefined ? {} : { html: message.html }),
    ...(message.headers === undefined ? {} : { headers: message.headers }),
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const built = await composer.compile().build();
  return built.toString('utf8');
}
