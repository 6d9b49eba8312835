/**
 * The words of the default templates, as data: the layouts turn one {@link MessageCopy} into both
 * the HTML and the plain-text body, so each language only writes sentences.
 *
 * @module
 */
import type { KnownUsageType } from '../../types/usage-type.js';

/**
 * One piece of a message body. Text is written as plain text (the HTML layout escapes it) and may
 * hold mustache tags such as `{{organizationName}}`.
 */
export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'code' }
  | {
      kind: 'link';
      label: string;
      /**
       * The sentence before `{{code}}`, shown under the link when the payload has a code: a scanner
       * may use the link up (docs/links.md), the code it cannot. Without it the code stands alone.
       */
      codeLabel?: string;
    }
  | { kind: 'choice'; variable: string; present: readonly Block[]; absent: readonly Block[] };

/** One message in one language. */
export interface MessageCopy {
  /** The usage type the message serves. */
  usageType: KnownUsageType;
  /** The subject line, also the message's heading and HTML title. */
  subject: string;
  /** The body, top to bottom. */
  body: readonly Block[];
  /** Replaces the language's footer for this message. */
  footer?: string;
}

/** Every message of one language, and what they share. */
export interface LanguageCopy {
  /** The template locale; absent for the fallback language. */
  locale?: string;
  /** The HTML `lang` attribute. */
  lang: string;
  /** The last line of every message (why the reader may ignore it). */
  footer: string;
  /** One message per known usage type. */
  messages: readonly MessageCopy[];
}

/**
 * A paragraph block.
 *
 * @param text - The paragraph's text (plain text, may hold mustache tags).
 * @returns The block.
 */
export function paragraph(text: string): Block {
  return { kind: 'paragraph', text };
}

/** The block that shows `{{code}}` prominently. */
export const CODE: Block = { kind: 'code' };

/**
 * The body of a code message: what the code is for, the code, and a notice about it.
 *
 * @param purpose - One sentence saying what the code is for.
 * @param notice - The sentence after the code (it expires soon, keep it private).
 * @returns The blocks.
 */
export function codeBody(purpose: string, notice: string): readonly Block[] {
  return [paragraph(purpose), CODE, paragraph(notice)];
}

/**
 * Blocks that depend on whether a payload variable is set. Only the rendered branch's variables are
 * required, so a message can take either a link or a code.
 *
 * @param variable - The payload variable that decides.
 * @param present - What to render when the variable is set.
 * @param absent - What to render when it is not.
 * @returns The choice block.
 */
export function choice(variable: string, present: readonly Block[], absent: readonly Block[]): Block {
  return { kind: 'choice', variable, present, absent };
}

/**
 * Inline mustache text that shows a payload variable when it is set, and a fallback otherwise.
 *
 * @param variable - The optional payload variable, such as `organizationName`.
 * @param fallback - What to show when the payload lacks it.
 * @returns The mustache fragment.
 */
export function variableOr(variable: string, fallback: string): string {
  return `{{#${variable}}}{{${variable}}}{{/${variable}}}{{^${variable}}}${fallback}{{/${variable}}}`;
}
