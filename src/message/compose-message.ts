/**
 * Turns a usage type and a payload into the message to send: the template found, rendered, and
 * dressed with the sender, reply-to and headers.
 *
 * @module
 */
import { toHeaderValue } from '../shared/header-value.js';
import { nodeCrypto } from '../shared/node-crypto.js';
import type { TemplateRegistry } from '../templates/template-registry.js';
import type { RenderedMessage, TemplateChoice } from '../types/send.js';
import type { TemplatePayload } from '../types/template.js';
import type { UsageType } from '../types/usage-type.js';

/** Marks every message as machine-sent, so auto-responders stay quiet (RFC 3834). */
const AUTO_SUBMITTED_HEADER = { 'Auto-Submitted': 'auto-generated' } as const;

/**
 * A header whose value is new on every message. Gmail threads messages by subject and references;
 * a unique `X-Entity-Ref-ID` keeps each code in a conversation of its own, so a new code is not
 * folded under an expired one that the reader then types. A custom header of the same name (Logto
 * configs may carry a fixed one) replaces it: an explicit choice wins over the default.
 */
const THREAD_BREAKING_HEADER = 'X-Entity-Ref-ID';

/** What every message carries unless its template says otherwise. */
export interface MessageDefaults {
  /** The config's `fromEmail`. */
  fromEmail: string;
  /** The config's `replyTo`, if any. */
  replyTo?: string;
  /** The config's custom headers, already checked. */
  customHeaders: Readonly<Record<string, string | readonly string[]>>;
}

/** A composed message and the template it was rendered from. */
export interface ComposedMessage {
  /** The message, `to` present only when one was given. */
  readonly message: RenderedMessage;
  /** Which template it was rendered from: usage type, locale and source. */
  readonly template: TemplateChoice;
}

/**
 * Composes a message: finds the template, renders it with the payload, and sets From, Reply-To and
 * the headers (among them a fresh {@link THREAD_BREAKING_HEADER}, unless the config sets its own).
 *
 * @param type - The usage type of the send.
 * @param payload - The template's variables.
 * @param to - The parsed recipient; absent for a preview without one.
 * @returns The message, whose `headers` object is its own (a transport may add to it), and the
 *   template chosen.
 * @throws {@link MailerError} from the template registry (`TemplateNotFound`, `TemplateSyntax`,
 *   `Unavailable`) and the renderer (`MissingVariable`).
 */
export type ComposeMessage = (type: UsageType, payload: TemplatePayload, to: string | undefined) => Promise<ComposedMessage>;

/**
 * Creates the composer of one mailer. The From header is made once here, not per message.
 *
 * @param registry - Where templates are found.
 * @param defaults - The sender, reply-to and custom headers of the config.
 * @returns The composer.
 */
export function createMessageComposer(registry: TemplateRegistry, defaults: MessageDefaults): ComposeMessage {
  const from = toHeaderValue(defaults.fromEmail);
  const headers = { ...AUTO_SUBMITTED_HEADER, ...defaults.customHeaders };
  const hasLists = Object.values(headers).some((value) => Array.isArray(value));
  const setsThreadHeader = Object.keys(headers).some((name) => name.toLowerCase() === THREAD_BREAKING_HEADER.toLowerCase());
  // Each message gets its own headers: a transport that adds one must not change the next message's.
  const headersForOneMessage = (): Record<string, string | string[]> => ({
    ...(hasLists
      ? Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? [...value] : value]))
      : (headers as Record<string, string>)),
    ...(setsThreadHeader ? {} : { [THREAD_BREAKING_HEADER]: nodeCrypto().randomUUID() }),
  });

  return async (type, payload, to) => {
    const { template, choice } = await registry.find(type, payload.locale);
    const { definition } = template;
    const content = template.render(payload);
    const replyTo = definition.replyTo ?? defaults.replyTo;
    const message: RenderedMessage = {
      from: definition.sendFrom === undefined ? from : toHeaderValue(definition.sendFrom),
      subject: content.subject,
      text: content.text,
      headers: headersForOneMessage(),
      usageType: type,
    };
    if (to !== undefined) message.to = to;
    if (replyTo !== undefined) message.replyTo = toHeaderValue(replyTo);
    if (content.html !== undefined) message.html = content.html;
    if (choice.locale !== undefined) message.locale = choice.locale;
    return { message, template: choice };
  };
}
