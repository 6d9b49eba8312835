/**
 * Renders every usage type in every locale a config and the built-in templates cover, for
 * `auth-mailer preview`.
 *
 * @module
 */
import type { Mailer } from '../mailer.js';
import { composeMime } from '../transports/smtp/compose-mime.js';
import type { RenderedMessage } from '../types/send.js';
import type { TemplatePayload } from '../types/template.js';
import { KNOWN_USAGE_TYPES } from '../types/usage-type.js';
import { describeError } from './describe-error.js';
import { failureCard, messageCard } from './message-card.js';
import { createStyle } from './style.js';

/** The recipient every preview is addressed to. */
const PREVIEW_RECIPIENT = 'ada@example.com';

/** The variables every preview gets, before the user's `--var` pairs. */
export const SAMPLE_PAYLOAD: Readonly<TemplatePayload> = Object.freeze({
  code: '123456',
  link: 'https://auth.example.com/verify?token=sample-token',
  organizationName: 'Acme',
  inviterName: 'Ada Lovelace',
});

/** Which usage types and locales a preview shows. */
export interface PreviewCoverage {
  /** The known usage types, then the config's own ones. */
  usageTypes: string[];
  /** `undefined` (the template without a locale) first, then every locale tag, in order of appearance. */
  locales: Array<string | undefined>;
}

/**
 * Lists what to preview: the known usage types plus every other `usageType` of the config's
 * templates, and every locale of the config's templates and of the built-in ones.
 *
 * @param config - The config as loaded (its `templates`, when it has them, are read).
 * @returns The usage types and locales.
 */
export async function previewCoverage(config: unknown): Promise<PreviewCoverage> {
  // The twenty languages load here, not with every command of the CLI.
  const { defaultTemplates } = await import('../templates/index.js');
  const templates = (config as { templates?: unknown }).templates;
  const own = Array.isArray(templates) ? (templates as Array<{ usageType?: unknown; locale?: unknown }>) : [];
  const usageTypes = new Set<string>(KNOWN_USAGE_TYPES);
  const locales = new Set<string | undefined>([undefined]);
  for (const template of [...own, ...defaultTemplates]) {
    if (typeof template.usageType === 'string') usageTypes.add(template.usageType);
    if (typeof template.locale === 'string') locales.add(template.locale);
  }
  return { usageTypes: [...usageTypes], locales: [...locales] };
}

/**
 * Renders each usage type in each locale with the sample payload and writes its card; a message
 * that cannot be rendered (a missing variable, say) gets a card saying why.
 *
 * @param mailer - A mailer that does not send.
 * @param coverage - What to render.
 * @param variables - Extra template variables (`--var`), over the sample ones.
 * @returns The cards, usage type by usage type.
 */
export async function collectPreviews(mailer: Mailer, coverage: PreviewCoverage, variables: TemplatePayload): Promise<string[]> {
  const plain = createStyle({ write: () => true }, {});
  const cards: string[] = [];
  for (const type of coverage.usageTypes) {
    for (const locale of coverage.locales) {
      const label = `${type} · ${locale ?? 'no locale'}`;
      const payload = { ...SAMPLE_PAYLOAD, ...variables, ...(locale === undefined ? {} : { locale }) };
      try {
        const message = await mailer.render({ to: PREVIEW_RECIPIENT, type, payload });
        cards.push(messageCard({ label: `${label} → template ${message.usageType} · ${message.locale ?? 'no locale'}`, ...(await viewOf(message)) }));
      } catch (error) {
        cards.push(failureCard(label, describeError(error, plain).join('\n')));
      }
    }
  }
  return cards;
}

async function viewOf(message: RenderedMessage): Promise<Omit<Parameters<typeof messageCard>[0], 'label'>> {
  const headers: Array<[string, string]> = [
    ['From', message.from],
    ['To', message.to ?? PREVIEW_RECIPIENT],
    ...(message.replyTo === undefined ? [] : [['Reply-To', message.replyTo] as [string, string]]),
    ['Subject', message.subject],
    ...Object.entries(message.headers ?? {}).map(([name, value]): [string, string] => [name, [value].flat().join(', ')]),
  ];
  return {
    subject: message.subject,
    headers,
    size: Buffer.byteLength(await composeMime(message)),
    ...(message.html === undefined ? {} : { html: message.html }),
    ...(message.text === undefined ? {} : { text: message.text }),
  };
}
