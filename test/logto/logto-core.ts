/**
 * What Logto core does around an email connector, rebuilt for tests from connector-kit's contract:
 * it creates a connector instance per request with `getConfig` (reading the connector's row) and
 * `getI18nEmailTemplate` (the tenant's email templates by type and language, falling back to the
 * tenant's fallback language), validates saved configs with the connector's `configGuard`, and
 * calls `sendMessage`.
 */
import {
  validateConfig,
  type CreateConnector,
  type EmailConnector,
  type EmailTemplateDetails,
  type GetI18nEmailTemplate,
  type SendMessageData,
} from '@logto/connector-kit';

/** One row of Logto's email_templates table. */
export interface EmailTemplateRow {
  templateType: string;
  languageTag: string;
  details: EmailTemplateDetails;
}

/** A tenant: its connector config (as saved in the console) and its email templates. */
export interface LogtoTenant {
  /** The stored connector config; `save` replaces it. */
  readonly config: unknown;
  /** Validates `config` with the connector's guard, as the console's save does, then stores it. */
  save(config: unknown): Promise<void>;
  /** Sends as Logto's passcode and invitation libraries do: a new connector instance, then sendMessage. */
  send(data: SendMessageData, inputConfig?: unknown): Promise<unknown>;
  /** How many times the connector read its config. */
  readonly configReads: number;
  /** The tenant's template lookup, as Logto passes it to the factory. */
  readonly getI18nEmailTemplate: GetI18nEmailTemplate;
}

/**
 * Starts a tenant served by `createConnector`.
 *
 * @param createConnector - The connector package's default export.
 * @param config - The connector config saved for the tenant.
 * @param rows - The tenant's email templates.
 * @param fallbackLanguage - The sign-in experience's fallback language.
 */
export function logtoTenant(
  createConnector: CreateConnector<EmailConnector>,
  config: unknown,
  rows: readonly EmailTemplateRow[] = [],
  fallbackLanguage = 'en',
): LogtoTenant {
  let stored = config;
  let configReads = 0;
  const find = (type: string, tag: string) => rows.find((row) => row.templateType === type && row.languageTag === tag)?.details;
  const getI18nEmailTemplate: GetI18nEmailTemplate = async (templateType, languageTag) =>
    (languageTag === undefined ? undefined : find(templateType, languageTag)) ?? find(templateType, fallbackLanguage);
  const instance = () =>
    createConnector({
      getConfig: async () => {
        configReads += 1;
        return structuredClone(stored);
      },
      getI18nEmailTemplate,
    });
  return {
    get config() {
      return stored;
    },
    async save(next) {
      validateConfig(next, (await instance()).configGuard);
      stored = next;
    },
    async send(data, inputConfig) {
      return (await instance()).sendMessage(data, inputConfig);
    },
    get configReads() {
      return configReads;
    },
    getI18nEmailTemplate,
  };
}
