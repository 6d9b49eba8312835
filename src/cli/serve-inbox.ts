/**
 * The web inbox of an SMTP sink, for `auth-mailer dev` and `auth-mailer demo --serve`: every
 * message the sink received, and new ones as they arrive.
 *
 * @module
 */
import type { ReceivedMessage, SmtpSink } from '../testing/smtp-sink.js';
import { mailPage } from './mail-page.js';
import { messageCard } from './message-card.js';
import { NOT_FOUND, serveLocalPage, type LocalServer } from './serve-local-page.js';

/** The path of the JSON list the page polls: `{ total, cards }` of the messages after `?since=`. */
const MESSAGES_PATH = '/messages';

/**
 * Serves the sink's inbox on 127.0.0.1: `/` shows the messages received so far and fetches new
 * ones every second from `/messages?since=<count>`.
 *
 * @param sink - The running sink.
 * @param port - The HTTP port, 0 for a free one.
 * @returns The running server.
 * @throws {@link index!MailerError} `Unavailable` when the port cannot be used.
 */
export function serveInbox(sink: SmtpSink, port: number): Promise<LocalServer> {
  const cards = (from: number): string[] => sink.messages.slice(from).map((message, index) => inboxCard(message, from + index + 1));
  return serveLocalPage((url) => {
    if (url.pathname === '/') {
      return mailPage({
        title: 'auth-mailer inbox',
        intro: `What the SMTP server on ${sink.host}:${sink.port} received; new messages appear as they arrive`,
        cards: cards(0),
        poll: MESSAGES_PATH,
      });
    }
    if (url.pathname === MESSAGES_PATH) {
      const since = Number(url.searchParams.get('since') ?? '0');
      const from = Number.isSafeInteger(since) && since >= 0 ? since : 0;
      return { contentType: 'application/json', body: JSON.stringify({ total: sink.messages.length, cards: cards(from) }) };
    }
    return NOT_FOUND;
  }, port);
}

function inboxCard(message: ReceivedMessage, number: number): string {
  return messageCard({
    label: `#${number} · MAIL FROM ${message.envelope.from || '<>'} · RCPT TO ${message.envelope.to.join(', ')}`,
    subject: message.subject ?? '(no subject)',
    headers: Object.entries(message.headers),
    size: Buffer.byteLength(message.raw),
    ...(message.html === undefined ? {} : { html: message.html }),
    ...(message.text === undefined ? {} : { text: message.text }),
  });
}
