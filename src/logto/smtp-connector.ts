/**
 * The Logto email connector: Logto's SMTP connector config and calls, sent through auth-mailer.
 *
 * @module
 */
import type { CreateConnector, EmailConnector, GetI18nEmailTemplate, SendMessageData } from '@logto/connector-kit';
import { createMailer } from '../create-mailer.js';
import { isMailerError, MailerError } from '../errors/mailer-error.js';
import type { Mailer } from '../mailer.js';
import type { MailerOptions } from '../types/mailer-options.js';
import type { SendResult } from '../types/send.js';
import { checkMailerOptions, createConfigGuard } from './config-guard.js';
import { CONNECTOR_METADATA } from './connector-metadata.js';
import { i18nTemplateStore } from './i18n-template-store.js';
import { loadConnectorKit } from './load-connector-kit.js';
import { toTemplatePayload } from './logto-payload.js';
import { usageTypeOf } from './logto-usage-types.js';
import { createMailerCache } from './mailer-cache.js';
import { toConnectorError } from './to-connector-error.js';

/** How {@link defineSmtpConnector} builds the connector's mailers. */
export interface SmtpConnectorOptions {
  /**
   * The options of every mailer the connector creates (`createMailer(config, mailerOptions)`):
   * retries, rate limit, `useDefaultTemplates`, `codeInSubject`... The transport is always SMTP (the
   * config's), and the template store is Logto's email templates.
   */
  mailerOptions?: Omit<MailerOptions, 'transport' | 'templateStore'>;
  /**
   * How many configs keep an open mailer at once. With 1, a config saved in Logto's console closes
   * the old mailer at the next send. Raise it where one process sends for several Logto tenants,
   * each with its own config, so that they do not close each other's pools.
   * @default 1
   */
  maxMailers?: number;
  /**
   * Whether Logto's own email templates (by type and language, from Logto's console or Management
   * API) are looked up before the config's templates, as Logto's SMTP connector does.
   * @default true
   */
  useLogtoTemplates?: boolean;
}

/**
 * A Logto connector factory (`CreateConnector<EmailConnector>`), with a way to close the mailers
 * it keeps.
 */
export interface SmtpConnectorFactory extends CreateConnector<EmailConnector> {
  /**
   * Closes every mailer the connector keeps, after their sends in flight. Sends made later open
   * new ones. Call it on shutdown.
   *
   * @returns Resolves when every connection is closed.
   */
  close(): Promise<void>;
}

/**
 * Creates a Logto email connector factory that sends with auth-mailer: a drop-in for
 * `@logto/connector-smtp` (same metadata id, same config, same `sendMessage`). Logto calls the
 * factory with `{ getConfig, getI18nEmailTemplate }`, as often as once per request; the mailer
 * for a config is created at the first send and kept across connector instances and sends, so
 * messages go out over a pool of connections, and closed when the config changes.
 *
 * - `sendMessage({ to, type, payload }, inputConfig?)` sends `type` (Logto's `TemplateType`, mapped
 *   to our usage types by an explicit table) with Logto's payload; see `toTemplatePayload` for what
 *   is added (the locale, and for invitations `code`, `organizationName` and `inviterName`). With
 *   `inputConfig` (Logto's console "send a test" with an unsaved config) it sends with a mailer
 *   created for that one message. It resolves the {@link index!SendResult}.
 * - `configGuard` runs `createMailer`'s own check (see `createConfigGuard`).
 * - Every failure of the mailer reaches Logto as a `ConnectorError` holding the `MailerError` as
 *   `data` and `cause` (see `toConnectorError`); errors of Logto's `getConfig` pass as they are.
 *
 * @param options - Mailer options, how many mailers to keep, whether to use Logto's templates.
 * @returns The factory: the default export of a Logto connector package.
 * @throws {@link index!MailerError} `InvalidConfig` when `maxMailers` is not a whole number of at least 1,
 *   or a mailer option is bad (named by path: `retry.atempts`, with the nearest known key).
 *   The factory itself rejects with `InvalidConfig` naming `npm install @logto/connector-kit` when
 *   that package is missing.
 * @example
 * ```ts
 * // lib/index.js of your connector package (its package.json depends on @logto/connector-kit)
 * import { defineSmtpConnector } from 'auth-mailer/logto';
 *
 * export default defineSmtpConnector({ mailerOptions: { retry: { attempts: 2 } } });
 * ```
 */
export function defineSmtpConnector(options: SmtpConnectorOptions = {}): SmtpConnectorFactory {
  const { mailerOptions = {}, maxMailers = 1, useLogtoTemplates = true } = options;
  if (!Number.isInteger(maxMailers) || maxMailers < 1) {
    throw new MailerError('InvalidConfig', 'Cannot define the Logto connector: maxMailers must be a whole number of at least 1.', {
      issues: [{ path: 'maxMailers', message: 'must be a whole number of at least 1' }],
    });
  }
  checkMailerOptions(mailerOptions);
  // A replaced mailer is closed in the background; its failure to close must not fail a send.
  const cache = createMailerCache(maxMailers, () => undefined);
  const configGuard = createConfigGuard();
  // Logto binds getI18nEmailTemplate to a tenant: a mailer (and its template store) is never shared
  // between two of them, even with equal configs.
  const scopes = new WeakMap<GetI18nEmailTemplate, string>();
  let scopeCount = 0;
  const scopeOf = (getI18nEmailTemplate: GetI18nEmailTemplate | undefined): string => {
    if (getI18nEmailTemplate === undefined || !useLogtoTemplates) return '';
    let scope = scopes.get(getI18nEmailTemplate);
    if (scope === undefined) scopes.set(getI18nEmailTemplate, (scope = String((scopeCount += 1))));
    return scope;
  };
  const optionsFor = (getI18nEmailTemplate: GetI18nEmailTemplate | undefined): MailerOptions =>
    useLogtoTemplates && getI18nEmailTemplate !== undefined ? { ...mailerOptions, templateStore: i18nTemplateStore(getI18nEmailTemplate) } : mailerOptions;

  const factory: CreateConnector<EmailConnector> = async ({ getConfig, getI18nEmailTemplate }) => {
    const kit = await loadConnectorKit();
    const send = async (mailer: Mailer, { to, type, payload }: SendMessageData): Promise<SendResult> => {
      const usageType = usageTypeOf(type);
      return mailer.send({ to, type: usageType, payload: toTemplatePayload(usageType, payload ?? {}) });
    };
    const sendMessage = async (data: SendMessageData, inputConfig?: unknown): Promise<SendResult> => {
      try {
        if (inputConfig !== undefined) {
          const mailer = createMailer(inputConfig, optionsFor(getI18nEmailTemplate));
          try {
            return await send(mailer, data);
          } finally {
            await mailer.close().catch(() => undefined);
          }
        }
        const config = await getConfig(CONNECTOR_METADATA.id);
        const mailer = cache.mailerFor(config, scopeOf(getI18nEmailTemplate), () => createMailer(config, optionsFor(getI18nEmailTemplate)));
        return await send(mailer, data);
      } catch (error) {
        throw isMailerError(error) ? toConnectorError(kit, error) : error;
      }
    };
    return {
      metadata: CONNECTOR_METADATA,
      type: kit.ConnectorType.Email,
      // Logto only calls safeParse on it (connector-kit's validateConfig); it is not a zod schema.
      configGuard: configGuard as unknown as EmailConnector['configGuard'],
      sendMessage,
    };
  };
  return Object.assign(factory, { close: () => cache.close() });
}

/**
 * The connector factory with the default options: `export { createSmtpConnector as default } from
 * 'auth-mailer/logto'` is a whole Logto connector package's code. See {@link defineSmtpConnector}.
 *
 * @example
 * ```ts
 * import { createSmtpConnector } from 'auth-mailer/logto';
 *
 * const connector = await createSmtpConnector({ getConfig: async () => smtpConfig });
 * await connector.sendMessage({ to: 'ada@example.com', type: TemplateType.SignIn, payload: { code: '123456' } });
 * ```
 */
export const createSmtpConnector: SmtpConnectorFactory = defineSmtpConnector();
