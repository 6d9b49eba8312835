import { expect } from 'vitest';

import { parseConfig } from '../../src/config/parse-config.js';
import type { ConfigIssue, MailerError } from '../../src/errors/mailer-error.js';
import { isMailerError } from '../../src/errors/mailer-error.js';

/** Parses a config that must be rejected and returns the InvalidConfig error. */
export function rejectionOf(input: unknown): MailerError {
  try {
    parseConfig(input);
  } catch (error) {
    expect(isMailerError(error)).toBe(true);
    const mailerError = error as MailerError;
    expect(mailerError.code).toBe('InvalidConfig');
    expect(mailerError.retryable).toBe(false);
    return mailerError;
  }
  throw new Error('expected parseConfig to throw');
}

/** The issues of a config that must be rejected. */
export function issuesOf(input: unknown): ConfigIssue[] {
  return rejectionOf(input).issues ?? [];
}

/** The message of the single issue at `path`. */
export function messageAt(input: unknown, path: string): string {
  const matching = issuesOf(input).filter((issue) => issue.path === path);
  expect(matching, `issues at ${path}`).toHaveLength(1);
  return (matching[0] as ConfigIssue).message;
}

/** A small valid config to break one field at a time. */
export function validConfig(): Record<string, unknown> {
  return {
    host: 'smtp.example.com',
    fromEmail: 'Acme <no-reply@example.com>',
    auth: { user: 'no-reply@example.com', pass: 'app-password-123' },
    templates: [{ usageType: 'Generic', contentType: 'text/plain', subject: 'Your code', content: 'Code: {{code}}' }],
  };
}
