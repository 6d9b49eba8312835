import type { ResolvedMailerConfig } from '../../../src/config/mailer-config.js';
import type { SinkConfig } from '../../../src/testing/smtp-sink.js';

/**
 * A resolved config aimed at `target` (a sink's config), with test-friendly timeouts. `requireTLS`
 * is off, as the config resolves it for 127.0.0.1.
 */
export function resolvedConfig(
  target: Pick<SinkConfig, 'host' | 'port'> & Partial<SinkConfig>,
  overrides: { auth?: ResolvedMailerConfig['auth']; smtp?: Partial<ResolvedMailerConfig['smtp']> } = {},
): ResolvedMailerConfig {
  return {
    host: target.host,
    port: target.port,
    secure: target.secure ?? false,
    fromEmail: 'Acme <no-reply@example.com>',
    customHeaders: {},
    templates: [],
    auth: overrides.auth,
    smtp: {
      pool: true,
      disableFileAccess: true,
      disableUrlAccess: true,
      requireTLS: false,
      tls: target.tls ?? { rejectUnauthorized: false },
      connectionTimeout: 5000,
      greetingTimeout: 5000,
      socketTimeout: 5000,
      ...overrides.smtp,
    },
  };
}
