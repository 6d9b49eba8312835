/**
 * Turns a language's sentences into its messages, one per known usage type: what each says, in
 * which order, and which parts depend on the payload.
 *
 * @module
 */
import { KNOWN_USAGE_TYPES, type KnownUsageType } from '../../types/usage-type.js';
import {
  CODE,
  choice,
  INVITER_SLOT,
  LINK_USAGE_TYPES,
  ORGANIZATION_SLOT,
  paragraph,
  variableOr,
  type Block,
  type CodeUsageType,
  type LanguageCopy,
  type LinkUsageType,
  type MessageCopy,
} from './template-copy.js';

const LINK_TYPES: ReadonlySet<KnownUsageType> = new Set(LINK_USAGE_TYPES);

/**
 * The code messages that also take a link alone, with the link message they then send. The others
 * (`UserPermissionValidation`, `MfaVerification`, `BindMfa`) confirm a step inside a session the
 * person already has open, where a code is typed: they keep requiring it.
 */
const LINK_MESSAGE_OF: Readonly<Partial<Record<CodeUsageType, LinkUsageType>>> = {
  Register: 'VerifyEmailLink',
  SignIn: 'MagicLink',
  ForgotPassword: 'ResetPasswordLink',
  Generic: 'VerifyEmailLink',
  BindNewIdentifier: 'VerifyEmailLink',
};

/**
 * The messages of one language, one per known usage type:
 * - a code message shows its purpose, the code and the notice, then, when the payload also has a
 *   `link`, a button to it as another way to the same end; `Register`, `SignIn`, `ForgotPassword`,
 *   `Generic` and `BindNewIdentifier` given a link and no code send the link message of their kind;
 * - a link message (`MagicLink`, `VerifyEmailLink`, `ResetPasswordLink`) shows its purpose, a
 *   button to `{{link}}` and the link written out, then the code when the payload has one;
 * - the invitation shows a button to `{{link}}` and, when the payload also has a code, the code;
 *   without a link, the code. It names `{{inviterName}}` when given.
 *
 * @param language - The language's sentences.
 * @returns The messages, in the order of `KNOWN_USAGE_TYPES`.
 */
export function messagesOf(language: LanguageCopy): MessageCopy[] {
  return KNOWN_USAGE_TYPES.map((usageType) => {
    if (usageType === 'OrganizationInvitation') return invitationMessage(language);
    return isLinkUsageType(usageType) ? linkMessage(language, usageType) : codeMessage(language, usageType);
  });
}

function isLinkUsageType(usageType: KnownUsageType): usageType is LinkUsageType {
  return LINK_TYPES.has(usageType);
}

/** A button to `{{link}}`, with the link written out below it. */
function linkButton(label: string): Block {
  return { kind: 'link', label };
}

function codeMessage(language: LanguageCopy, usageType: CodeUsageType): MessageCopy {
  const purpose = language.purposes[usageType];
  const byCode = [paragraph(purpose), CODE, paragraph(language.notice)];
  const orLink = [paragraph(language.orLink), linkButton(language.linkLabel)];
  const message = { usageType, subject: language.subjects[usageType], preheader: purpose, footer: language.footer };
  const linkType = LINK_MESSAGE_OF[usageType];
  if (linkType === undefined) return { ...message, body: [...byCode, choice('link', orLink)] };
  const byLink = linkMessage(language, linkType);
  // Without a link, the code message: it needs the code, so a payload with neither names {{code}}.
  return {
    ...message,
    subject: unlessLinkAlone(message.subject, byLink.subject),
    preheader: unlessLinkAlone(purpose, byLink.preheader),
    body: [choice('link', [choice('code', [...byCode, ...orLink], byLink.body)], byCode)],
  };
}

/**
 * Inline mustache text: `byLink` when the payload has a link and no code, `text` otherwise.
 *
 * @param text - What a message with a code (or with neither) says.
 * @param byLink - What a message by link alone says.
 * @returns The mustache fragment, or `text` when both say the same.
 */
function unlessLinkAlone(text: string, byLink: string): string {
  if (text === byLink) return text;
  return `{{#link}}{{#code}}${text}{{/code}}{{^code}}${byLink}{{/code}}{{/link}}{{^link}}${text}{{/link}}`;
}

function linkMessage(language: LanguageCopy, usageType: LinkUsageType): MessageCopy {
  const purpose = language.linkPurposes[usageType];
  return {
    usageType,
    subject: language.subjects[usageType],
    preheader: purpose,
    body: [
      paragraph(purpose),
      linkButton(language.linkLabels[usageType]),
      choice('code', [paragraph(language.orCode), CODE, paragraph(language.notice)], [paragraph(language.linkNotice)]),
    ],
    footer: language.footer,
  };
}

function invitationMessage(language: LanguageCopy): MessageCopy {
  const organization = variableOr('organizationName', language.organization);
  const withOrganization = (text: string): string => text.replaceAll(ORGANIZATION_SLOT, organization);
  const invitedBy = withOrganization(language.invitedBy).replaceAll(INVITER_SLOT, '{{inviterName}}');
  const invited = `{{#inviterName}}${invitedBy}{{/inviterName}}{{^inviterName}}${withOrganization(language.invited)}{{/inviterName}}`;
  const code: readonly Block[] = [CODE, paragraph(language.notice)];
  return {
    usageType: 'OrganizationInvitation',
    subject: withOrganization(language.subjects.OrganizationInvitation),
    preheader: invited,
    body: [
      paragraph(invited),
      choice(
        'link',
        [linkButton(language.acceptLabel), choice('code', [paragraph(language.orCode), ...code])],
        [paragraph(language.purposes.OrganizationInvitation), ...code],
      ),
    ],
    footer: language.invitationFooter,
  };
}
