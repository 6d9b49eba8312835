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
  /** The BCP 47 tag the email should be written in; chooses the template. */
  locale?: string;
  /** Any other variable the template uses. */
  [variable: string]: unknown;
}

/**
 * An async source of templates consulted before the config's, as an auth system keeps localized
 * templates in its database. Return `undefined` when there is none for that exact pair.
 *
 * @example
 * ```ts
 * const templateStore: TemplateStore = {
 *   async findTemplate(usageType, locale) {
 *     return db.emailTemplates.findOne({ usageType, locale: locale ?? null }) ?? undefined;
 *   },
 * };
 * ```
 */
export interface TemplateStore {
  /**
   * Finds the template for one usage type and one exact locale.
   *
   * @param usageType - The usage type asked for (or `Generic`, when falling back).
   * @param locale - The exact locale tag to match, or `undefined` for the template without locale.
   * @returns The template, or `undefined` when the store has none for that pair.
   */
  findTemplate(usageType: UsageType, locale: string | undefined): Promise<TemplateDefinition | undefined>;
}
