/**
 * The contract of a template: its definition, the variables it is rendered with, and the store an
 * auth system may keep templates in. No runtime code lives here.
 *
 * @module
 */
import type { UsageType } from './usage-type.js';

/** The content type of a template's `content`. */
export type TemplateContentType = 'text/plain' | 'text/html';

/**
 * One email template. `subject`, `content` and `text` are mustache templates rendered with the
 * send's payload.
 */
export interface TemplateDefinition {
  /** The kind of email this template serves. */
  usageType: UsageType;
  /** Whether `content` is plain text or HTML. HTML is sent with a plain-text alternative. */
  contentType: TemplateContentType;
  /** The subject line template. Never HTML-escaped; control characters are removed. */
  subject: string;
  /** The body template, holding for example `{{code}}`. */
  content: string;
  /** The BCP 47 tag this template is written in (`en`, `pt-BR`); absent for the fallback. */
  locale?: string;
  /** The plain-text part of an HTML template; derived from the HTML when absent. */
  text?: string;
  /** Overrides the config's `fromEmail` for this template. */
  sendFrom?: string;
  /** Overrides the config's `replyTo` for this template. */
  replyTo?: string;
}

/**
 * The variables a template is rendered with. `code`, `link` and `locale` are the usual ones; any
 * other key is available to templates too.
 */
export interface TemplatePayload {
  /** The verification code (a number is rendered as its digits). */
  code?: string | number;
  /** A link the user follows (magic link, invitation, reset link). */
  link?: string;
  /**
   * The language the email should be written in; chooses the template. A BCP 47 tag (`pt-BR`, in
   * any case) or an `Accept-Language` value (`pt-BR,pt;q=0.9,en;q=0.8`, tried in order of
   * preference). A malformed one counts as none: the send goes out in the fallback language.
   */
  locale?: string;
  /** Any other variable the template uses. */
  [variable: string]: unknown;
}

/**
 * An async source of templates consulted before the config's, as an auth system keeps localized
 * templates in its database. Return `undefined` or `null` when there is none for that exact pair.
 * What it returns is checked as a config template is (`sendFrom` and `replyTo` must be addresses,
 * no field may hold a line break...): a bad one fails the send with `InvalidConfig`.
 *
 * @example
 * ```ts
 * const templateStore: TemplateStore = {
 *   async findTemplate(usageType, locale) {
 *     return db.emailTemplates.findOne({ usageType, locale: locale ?? null });
 *   },
 * };
 * ```
 */
export interface TemplateStore {
  /**
   * Finds the template for one usage type and one exact locale.
   *
   * @param usageType - The usage type asked for (or `Generic`, when falling back).
   * @param locale - The exact locale tag to match, in canonical form (`pt-BR`, `zh-Hant-TW`), or
   *   `undefined` for the template without locale.
   * @returns The template, or `undefined` or `null` when the store has none for that pair.
   */
  findTemplate(usageType: UsageType, locale: string | undefined): Promise<TemplateDefinition | undefined | null>;
}
