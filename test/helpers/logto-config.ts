import type { SmtpSink } from '../../src/testing/index.js';
import type { TemplateDefinition } from '../../src/types/template.js';
import { KNOWN_USAGE_TYPES } from '../../src/types/usage-type.js';

/** One plain-text template per usage type, written the way Logto's connector docs show them. */
export function logtoTemplates(): TemplateDefinition[] {
  return KNOWN_USAGE_TYPES.map((usageType) => ({
    usageType,
    contentType: 'text/plain',
    subject: `${usageType} verification`,
    content: `Your ${usageType} code is {{code}}.`,
  }));
}

/**
 * A Logto SMTP connector config pointing at `sink`, written as Logto's form saves it: the port is
 * a string and the auth type is in upper case.
 */
export function logtoConfigFor(sink: SmtpSink, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    host: sink.host,
    port: String(sink.port),
    fromEmail: 'Acme Auth <no-reply@acme.test>',
    ...(sink.config.auth ? { auth: { type: 'LOGIN', ...sink.config.auth } } : {}),
    templates: logtoTemplates(),
    ...extra,
  };
}
