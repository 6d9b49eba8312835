/**
 * auth-mailer: sends the emails an authentication system sends.
 *
 * @packageDocumentation
 */
export { createMailer } from './create-mailer.js';
export { validateConfig, type ConfigValidation } from './validate-config.js';
export { Mailer } from './mailer.js';
export { KNOWN_USAGE_TYPES } from './types/usage-type.js';
export { localeFromHeaders, type HeadersLike } from './templates/locale-from-headers.js';
export { MailerError, isMailerError, type MailerErrorCode, type MailerErrorDetails, type ConfigIssue } from './errors/mailer-error.js';
export type {
  MailerConfig,
  JsonMailerConfig,
  ConfigArgument,
  SmtpAuth,
  LoginAuth,
  EmptyLoginAuth,
  OAuth2TokenAuth,
  OAuth2ServiceAuth,
  DkimOptions,
  TlsOptions,
} from './config/mailer-config.js';
export {
  createMemoryRateLimitStore,
  type MemoryRateLimitStore,
  type MemoryRateLimitStoreOptions,
} from './rate-limit/memory-rate-limit-store.js';
export type { RateLimitOptions, RateLimitStore, RateLimitRule, RateLimitDecision } from './types/rate-limit.js';
export type { Transport, TransportSendOptions, MailMessage, TransportResult } from './types/transport.js';
export type { MailerOptions, RetryOptions } from './types/mailer-options.js';
export type { MailSender } from './types/mail-sender.js';
export type { FrameworkVariables } from './types/framework-variables.js';
export type { SendRequest, RenderRequest, RenderedMessage, SendOptions, SendResult, TemplateChoice, TemplateSource } from './types/send.js';
export type { UsageType, KnownUsageType } from './types/usage-type.js';
export type { TemplateDefinition, TemplateContentType, TemplatePayload, TemplateStore } from './types/template.js';
