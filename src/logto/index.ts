/**
 * `auth-mailer/logto`: a Logto email connector, a drop-in for `@logto/connector-smtp` that sends
 * through auth-mailer (same metadata id, same config, same `sendMessage`). `@logto/connector-kit`
 * is an optional peer dependency (`npm install @logto/connector-kit`), loaded when Logto first
 * creates the connector; the main entry never loads it.
 *
 * @packageDocumentation
 */
export { createSmtpConnector, defineSmtpConnector, type SmtpConnectorFactory, type SmtpConnectorOptions } from './smtp-connector.js';
export { CONNECTOR_METADATA } from './connector-metadata.js';
export { i18nTemplateStore } from './i18n-template-store.js';
export { LOGTO_USAGE_TYPES } from './logto-usage-types.js';
export { CONNECTOR_ERROR_CODES, type ConnectorErrorCodeName } from './to-connector-error.js';
export { LOGTO_VARIABLES } from './logto-variables.js';
export type { FrameworkVariables } from '../types/framework-variables.js';
