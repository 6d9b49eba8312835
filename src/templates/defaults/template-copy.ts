/**
 * The words of the default templates, as data: each language writes its sentences once, and
 * `message-bodies.ts` and the layouts turn them into the HTML and the plain-text body.
 *
 * @module
 */
import type { KnownUsageType } from '../../types/usage-type.js';

/**
 * One piece of a message body, in the built-in templates and in those of `layoutTemplate` (which
 * exports it as `LayoutBlock`):
 * - `{ kind: 'paragraph', text }`: a paragraph of plain text (the layouts escape it for HTML);
 * - `{ kind: 'code' }`: `{{code}}`, large, monospace and selectable;
 * - `{ kind: 'link', label }`: a button to `{{link}}`, with the link written out below it;
 * - `{ kind: 'choice', variable, present, absent }`: `present` when the payload has `variable`,
 *   `absent` (if any) otherwise; only the rendered branch's variables are required.
 *
 * Text may hold mustache tags such as `{{organizationName}}`.
 */
export type Block =
  | {
      /** A paragraph. */
      kind: 'paragraph';
      /** Its plain text. */
      text: string;
    }
  | {
      /** The code, shown prominently. */
      kind: 'code';
    }
  | {
      /** A button to `{{link}}`, with the link written out below it. */
      kind: 'link';
      /** The button's label. */
      label: string;
    }
  | {
      /** Blocks that depend on whether a payload variable is set. */
      kind: 'choice';
      /** The payload variable that decides (`link`, `user.name`). */
      variable: string;
      /** What to render when the variable is set (truthy). */
      present: readonly Block[];
      /** What to render when it is not. */
      absent?: readonly Block[];
    };

/** The usage types whose message leads with a link (the code, when the payload has one, comes second). */
export const LINK_USAGE_TYPES = ['MagicLink', 'VerifyEmailLink', 'ResetPasswordLink'] as const satisfies readonly KnownUsageType[];

/** One of {@link LINK_USAGE_TYPES}. */
export type LinkUsageType = (typeof LINK_USAGE_TYPES)[number];

/** The usage types whose message leads with a code and says what it is for. */
export type CodeUsageType = Exclude<KnownUsageType, 'OrganizationInvitation' | LinkUsageType>;

/** Where `{organization}` appears in a language's invitation copy, the organization's name goes. */
export const ORGANIZATION_SLOT = '{organization}';

/** Where `{inviter}` appears in {@link LanguageCopy.invitedBy}, the inviter's name goes. */
export const INVITER_SLOT = '{inviter}';

/**
 * Every sentence of one language. Sentences are plain text, short, without any number of 4 to 8
 * digits (a mail app could take it for the code) and without the product's name.
 */
export interface LanguageCopy {
  /** The template locale, canonical (`zh-Hans`, `pt-BR`); absent for the fallback language. */
  locale?: string;
  /**
   * More locales served by the same copy, for requests the lookup chain would not bring to
   * `locale`: `zh-TW` (chain `zh-TW` → `zh`) never reaches `zh-Hant`.
   */
  aliases?: readonly string[];
  /** The HTML `lang` attribute. */
  lang: string;
  /** The writing direction, for the HTML `dir` attribute. @default 'ltr' */
  dir?: 'ltr' | 'rtl';
  /** Each type's subject line, also the message's heading and HTML title. */
  subjects: Readonly<Record<KnownUsageType, string>>;
  /**
   * What the code is for, one sentence before it: for `OrganizationInvitation`, what to do with the
   * code when there is no link.
   */
  purposes: Readonly<Record<CodeUsageType | 'OrganizationInvitation', string>>;
  /**
   * What the link is for, one sentence before its button, in a link message. A code message whose
   * payload has a link and no code borrows the link message of its kind (`SignIn` that of `MagicLink`).
   */
  linkPurposes: Readonly<Record<LinkUsageType, string>>;
  /** The button's label in a link message: what it does (`Sign in`). */
  linkLabels: Readonly<Record<LinkUsageType, string>>;
  /** The sentence after the link in a link message without a code: it expires soon, keep it private. */
  linkNotice: string;
  /** The sentence after the code: it expires soon, keep it private. */
  notice: string;
  /** Before the button, when a code message also has a link: the link is another way to the same end. */
  orLink: string;
  /** The button's label in a code message with a link. */
  linkLabel: string;
  /** The invitation's first sentence, holding {@link ORGANIZATION_SLOT}. */
  invited: string;
  /**
   * The invitation's first sentence when the payload names who invited (`inviterName`), holding
   * {@link INVITER_SLOT} and {@link ORGANIZATION_SLOT}. Written so it fits an inviter of any gender.
   */
  invitedBy: string;
  /** The invitation button's label. */
  acceptLabel: string;
  /** Before the code, when an invitation has both a link and a code. */
  orCode: string;
  /** What names the organization when the payload has no `organizationName` (fits `invited` and the subject). */
  organization: string;
  /** The last line of every message (why the reader may ignore it). */
  footer: string;
  /** The invitation's last line. */
  invitationFooter: string;
}

/** One message of one language, ready for the layouts. */
export interface MessageCopy {
  /** The usage type the message serves. */
  usageType: KnownUsageType;
  /** The subject line, also the message's heading and HTML title (may hold mustache tags). */
  subject: string;
  /** The hidden preview text inbox lists show after the subject (may hold mustache tags). */
  preheader: string;
  /** The body, top to bottom. */
  body: readonly Block[];
  /** The closing line, shown small. */
  footer: string;
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
 * Blocks that depend on whether a payload variable is set. Only the rendered branch's variables are
 * required, so a message can take either a link or a code.
 *
 * @param variable - The payload variable that decides.
 * @param present - What to render when the variable is set.
 * @param absent - What to render when it is not.
 * @returns The choice block.
 */
export function choice(variable: string, present: readonly Block[], absent: readonly Block[] = []): Block {
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
