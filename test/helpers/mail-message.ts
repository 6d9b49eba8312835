import type { MailMessage } from '../../src/types/transport.js';

/**
 * A rendered plain-text SignIn message for transport tests, from `no-reply@example.com` to
 * `ada@example.com`; any field can be overridden.
 */
export function mailMessage(overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    from: 'no-reply@example.com',
    to: 'ada@example.com',
    subject: 'Your code',
    text: 'Code: 123456',
    usageType: 'SignIn',
    ...overrides,
  };
}
