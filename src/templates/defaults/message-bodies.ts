/**
 * Turns a language's sentences into its nine messages: what each says, in which order, and which
 * parts depend on the payload.
 *
 * @module
 */
import { KNOWN_USAGE_TYPES } from '../../types/usage-type.js';
import {
  CODE,
  choice,
  ORGANIZATION_SLOT,
  paragraph,
  variableOr,
  type Block,
  type CodeUsageType,
  type LanguageCopy,
  type MessageCopy,
} from './template-copy.js';

/**
 * The messages of one language, one per known usage type. A code message shows its purpose, the
 * code and the notice, then, when the payload has a `link`, a button to it as another way to the
 * same end. The invitation shows a button to `{{link}}` and, when the payload also has a code, the
 * code; without a link, the code.
 *
 * @param language - The language's sentences.
 * @returns The messages, in the order of `KNOWN_USAGE_TYPES`.
 */
export function messagesOf(language: LanguageCopy): MessageCopy[] {
  return KNOWN_USAGE_TYPES.map((usageType) =>
    usageType === 'OrganizationInvitation' ? invitationMessage(language) : codeMessage(language, usageType),
  );
}

function codeMessage(language: LanguageCopy, usageType: CodeUsageType): MessageCopy {
  const purpose = language.purposes[usageType];
  return {
    usageType,
    subject: language.subjects[usageType],
    preheader: purpose,
    body: [
      paragraph(purpose),
      CODE,
      paragraph(language.notice),
      choice('link', [paragraph(language.orLink), { kind: 'link', label: language.linkLabel }]),
    ],
    footer: language.footer,
  };
}

function invitationMessage(language: LanguageCopy): MessageCopy {
  const organization = variableOr('organizationName', language.organization);
  const withOrganization = (text: string): string => text.replaceAll(ORGANIZATION_SLOT, organization);
  const invited = withOrganization(language.invited);
  const code: readonly Block[] = [CODE, paragraph(language.notice)];
  return {
    usageType: 'OrganizationInvitation',
    subject: withOrganization(language.subjects.OrganizationInvitation),
    preheader: invited,
    body: [
      paragraph(invited),
      choice(
        'link',
        [{ kind: 'link', label: language.acceptLabel }, choice('code', [paragraph(language.orCode), ...code])],
        [paragraph(language.purposes.OrganizationInvitation), ...code],
      ),
    ],
    footer: language.invitationFooter,
  };
}
