/**
 * Turns a MailerError into the ConnectorError Logto expects from a connector.
 *
 * @module
 */
import type { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';
import type { MailerError, MailerErrorCode } from '../errors/mailer-error.js';
import type { ConnectorKit } from './load-connector-kit.js';

/** The name of a member of connector-kit's `ConnectorErrorCodes` (`'General'`, `'InvalidConfig'`...). */
export type ConnectorErrorCodeName = keyof typeof ConnectorErrorCodes;

/**
 * The ConnectorErrorCodes member each MailerError code becomes. Logto answers the request by it:
 * `InvalidConfig` and the request-parameter codes with 400, `TemplateNotFound` and `General` with
 * 500, `RateLimitExceeded` with its own code. The SMTP failures (`AuthFailed`, `Rejected`,
 * `Unavailable`, `Closed`) are `General`, as in Logto's SMTP connector: `AuthorizationFailed` would
 * answer the end user with 401, as if their own sign-in had been refused. The MailerError, kept as
 * `data` and `cause`, tells them apart.
 */
export const CONNECTOR_ERROR_CODES: Readonly<Record<MailerErrorCode, ConnectorErrorCodeName>> = Object.freeze({
  InvalidConfig: 'InvalidConfig',
  // A template that does not compile, or uses a variable Logto does not send, is fixed in the config.
  TemplateSyntax: 'InvalidConfig',
  MissingVariable: 'InvalidConfig',
  TemplateNotFound: 'TemplateNotFound',
  InvalidRecipient: 'InvalidRequestParameters',
  RateLimited: 'RateLimitExceeded',
  AuthFailed: 'General',
  Rejected: 'General',
  Unavailable: 'General',
  Closed: 'General',
});

/**
 * Wraps a MailerError in Logto's ConnectorError. The MailerError is its `data` (Logto puts `data` in
 * the error it logs and answers with; it serializes to the code, message, issues, reply code and
 * hint, never a secret: the mailer removed them) and its `cause`.
 *
 * @param kit - connector-kit as loaded, so the class is the one Logto checks with `instanceof`.
 * @param error - What the mailer threw.
 * @returns The ConnectorError to throw to Logto.
 */
export function toConnectorError(kit: ConnectorKit, error: MailerError): ConnectorError {
  const connectorError = new kit.ConnectorError(kit.ConnectorErrorCodes[CONNECTOR_ERROR_CODES[error.code]], error);
  Object.defineProperty(connectorError, 'cause', { value: error, writable: true, configurable: true });
  return connectorError;
}
