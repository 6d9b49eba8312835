/**
 * auth-mailer: sends the emails an authentication system sends.
 *
 * @packageDocumentation
 */
export { createMailer } from './create-mailer.js';
export { Mailer, type RenderedMessage } from './mailer.js';
export { defaultTemplates } from './default-templates/index.js';
export { KNOWN_USAGE_TYPES } from './known-usage-types.js';
export { MailerError, isMailerError, type MailerErrorCode, type MailerErrorDetails, type ConfigIssue } from './errors.js';
export type {
  MailerConfig,
  SmtpAuth,
  LoginAuth,
  OAuth2TokenAuth,
  OAuth2ServiceAuth,
  DkimOptions,
  TlsOptions,
} from './config/mailer-config.js';
export type { RetryOptions } from './retry-policy.js';
export {
  createMemoryRateLimitStore,
  type MemoryRateLimitStore,
  type MemoryRateLimitStoreOptions,
} from './rate-limit/memory-rate-limit-store.js';
export type { RateLimitOptions } from './rate-limit/rate-limit-options.js';
export type { RateLimitStore, RateLimitRule, RateLimitDecision } from './rate-limit/rate-limit-store.js';
export type { Transport, TransportSendOptions, MailMessage, TransportResult } from './transport.js';
export type {
  MailerOptions,
  SendRequest,
  RenderRequest,
  SendOptions,
  SendResult,
  TemplateChoice,
  TemplateSource,
  UsageType,
  KnownUsageType,
  TemplateDefinition,
  TemplateContentType,
  TemplatePayload,
  TemplateStore,
} from './types.js';
