/**
 * The messages the default templates produce, rendered by the library's own renderer, for the tests
 * in this folder.
 */
import { defaultTemplates } from '../../../src/templates/defaults/index.js';
import { compileTemplate } from '../../../src/render/compile-template.js';
import type { TemplateDefinition, TemplatePayload } from '../../../src/types/template.js';

/** One rendered sample of one default template. */
export interface SampleMessage {
  name: string;
  template: TemplateDefinition;
  payload: TemplatePayload;
  subject: string;
  html: string;
  text: string;
}

const CODE_PAYLOAD: TemplatePayload = { code: '123456' };
const LINK_PAYLOAD: TemplatePayload = {
  link: 'https://example.com/invitations/accept?token=7f3a9c&org=acme',
  organizationName: 'Acme & Co',
};

/** Payloads to render each template with: invitations both by link and by code. */
function samplePayloads(template: TemplateDefinition): TemplatePayload[] {
  return template.usageType === 'OrganizationInvitation' ? [LINK_PAYLOAD, CODE_PAYLOAD] : [CODE_PAYLOAD];
}

/** Renders one template as the mailer does. */
function renderSample(template: TemplateDefinition, payload: TemplatePayload): SampleMessage {
  const { subject, html, text } = compileTemplate(template).render(payload);
  const variant = payload.link === undefined ? 'code' : 'link';
  return {
    name: `${template.usageType} ${template.locale ?? 'en (fallback)'} by ${variant}`,
    template,
    payload,
    subject,
    html: html ?? '',
    text,
  };
}

/** Every message the default templates produce with the sample payloads. */
export const sampleMessages: readonly SampleMessage[] = defaultTemplates.flatMap((template) =>
  samplePayloads(template).map((payload) => renderSample(template, payload)),
);
