/**
 * Loads `@logto/connector-kit`, the optional peer dependency of `auth-mailer/logto`, on first use.
 *
 * @module
 */
import type { ConnectorError, ConnectorErrorCodes, ConnectorType } from '@logto/connector-kit';
import { importOptional } from '../shared/import-optional.js';
import { loadOnce } from '../shared/load-once.js';

/** The runtime parts of connector-kit the connector uses: Logto's error class and enums. */
export interface ConnectorKit {
  /** The error Logto turns into an HTTP reply by its `code`. */
  ConnectorError: typeof ConnectorError;
  /** The codes a `ConnectorError` carries. */
  ConnectorErrorCodes: typeof ConnectorErrorCodes;
  /** The kinds of connector (the SMTP connector is `Email`). */
  ConnectorType: typeof ConnectorType;
}

/**
 * Imports `@logto/connector-kit` once per process (a failed load is tried again at the next call). Logto's `ConnectorError` must be the class of the
 * copy Logto itself loads, so it is never bundled: it is resolved from the app, as Logto resolves it.
 *
 * @returns The parts the connector uses.
 * @throws {@link MailerError} `InvalidConfig` whose message and `hint` say
 *   `npm install @logto/connector-kit` when it is missing.
 */
export const loadConnectorKit: () => Promise<ConnectorKit> = loadOnce(() =>
  importOptional(
    () => import('@logto/connector-kit'),
    ['@logto/connector-kit'],
    'the Logto connector',
    'runtime',
  ).then(({ ConnectorError, ConnectorErrorCodes, ConnectorType }) => ({ ConnectorError, ConnectorErrorCodes, ConnectorType })),
);
