import { describe, expect, it } from 'vitest';

import { classifyError } from '../../src/errors/classify-error.js';
import { MailerError } from '../../src/errors/mailer-error.js';
import { createRedactor } from '../../src/errors/redact-secrets.js';
import { redactMailerError } from '../../src/errors/redact-mailer-error.js';

// Many framework loggers print only String(error) or error.message: both must carry code and hint.
describe('MailerError message', () => {
  const refused = () =>
    new MailerError('Unavailable', 'verify the connection failed on smtp.example.com:587: connect ECONNREFUSED', {
      hint: 'nothing listens on smtp.example.com:587: check host and port',
      attempts: 1,
    });

  it('ends with the code in brackets, then the hint', () => {
    expect(refused().message).toBe(
      'verify the connection failed on smtp.example.com:587: connect ECONNREFUSED [Unavailable] ' +
        'Hint: nothing listens on smtp.example.com:587: check host and port',
    );
    expect(String(refused())).toBe(`MailerError: ${refused().message}`);
    expect(refused().stack).toContain('[Unavailable] Hint: nothing listens');
  });

  it('ends with the code alone when there is no hint', () => {
    expect(new MailerError('Closed', 'Cannot send: the mailer was closed.').message).toBe('Cannot send: the mailer was closed. [Closed]');
  });

  it('keeps the text without code and hint as summary, out of the enumerable fields', () => {
    const error = refused();
    expect(error.summary).toBe('verify the connection failed on smtp.example.com:587: connect ECONNREFUSED');
    expect(Object.keys(error)).not.toContain('summary');
  });

  it('gives the same message in toJSON', () => {
    expect(refused().toJSON()).toMatchObject({ code: 'Unavailable', message: refused().message, hint: refused().hint });
    expect(JSON.parse(JSON.stringify(refused())).message).toBe(refused().message);
  });

  it('never repeats the code or hint when an error is rebuilt (attempts added, secrets redacted)', () => {
    const withAttempts = classifyError(new MailerError('Rejected', 'refused', { hint: 'fix it' }), { operation: 'send', attempts: 2 });
    expect(withAttempts.message).toBe('refused [Rejected] Hint: fix it');
    const secret = new MailerError('AuthFailed', 'login with hunter2-secret failed', { hint: 'check auth.pass' });
    const redacted = redactMailerError(secret, createRedactor(['hunter2-secret']));
    expect(redacted.message).toBe('login with [redacted] failed [AuthFailed] Hint: check auth.pass');
  });
});
