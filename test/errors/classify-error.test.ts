import { describe, expect, it } from 'vitest';
import { classifyError } from '../../src/errors/classify-error.js';
import { MailerError } from '../../src/errors/mailer-error.js';

const context = {
  attempts: 2,
  operation: 'send SignIn to ada@example.com',
  target: 'smtp.example.com:587',
  hintFor: (thrown: unknown) => (thrown instanceof Error && /ECONNREFUSED/.test(thrown.message) ? 'nothing listens on port 2525' : undefined),
};
const error = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);

describe('classifyError', () => {
  it.each([
    ['535 at AUTH', error('Invalid login: 535 5.7.8 bad credentials', { code: 'EAUTH', responseCode: 535 }), 'AuthFailed'],
    ['530 auth required', error('530 Authentication required', { code: 'EENVELOPE', responseCode: 530 }), 'AuthFailed'],
    ['EAUTH without a reply', error('Missing credentials for "PLAIN"', { code: 'EAUTH' }), 'AuthFailed'],
    ['550 at RCPT', error('550 5.1.1 No such user', { code: 'EENVELOPE', responseCode: 550 }), 'Rejected'],
    ['554 at DATA', error('554 Spam', { code: 'EMESSAGE', responseCode: 554 }), 'Rejected'],
    ['421 at connect', error('421 Too busy', { code: 'ECONNECTION', responseCode: 421 }), 'Unavailable'],
    ['451 at DATA', error('451 Try later', { code: 'EMESSAGE', responseCode: 451 }), 'Unavailable'],
    ['454 temporary auth failure', error('454 4.7.0 Try later', { code: 'EAUTH', responseCode: 454 }), 'Unavailable'],
    ['ECONNREFUSED', error('connect ECONNREFUSED', { code: 'ECONNREFUSED' }), 'Unavailable'],
    ['ECONNRESET', error('read ECONNRESET', { code: 'ECONNRESET' }), 'Unavailable'],
    ['nodemailer ETIMEDOUT', error('Greeting never received', { code: 'ETIMEDOUT' }), 'Unavailable'],
    ['nodemailer ETLS', error('STARTTLS failed', { code: 'ETLS' }), 'Unavailable'],
    ['STARTTLS refused with a 5xx', error('Error upgrading connection with STARTTLS', { code: 'ETLS', responseCode: 502, command: 'STARTTLS' }), 'Unavailable'],
    ['AUTH refused as unknown', error('Invalid login: 502 5.5.1 Unrecognized command', { code: 'EAUTH', responseCode: 502, command: 'AUTH PLAIN' }), 'AuthFailed'],
    ['EENVELOPE without a reply', error('Invalid recipient "x"', { code: 'EENVELOPE' }), 'InvalidRecipient'],
    ['an unknown error', new Error('something odd'), 'Unavailable'],
    ['a thrown string', 'boom', 'Unavailable'],
  ])('classifies %s', (_name, thrown, code) => {
    const classified = classifyError(thrown, context);
    expect(classified.code).toBe(code);
    expect(classified.attempts).toBe(2);
    expect(classified.message).toMatch(/^send SignIn to ada@example\.com failed on smtp\.example\.com:587: /);
  });

  it('leaves the hint whole when a short password is one of its words', () => {
    const refused = error('connect ECONNREFUSED 127.0.0.1:2525', { code: 'ECONNREFUSED' });
    const classified = classifyError(refused, { ...context, secrets: ['port'], user: 'ada' });
    expect(classified.hint).toBe(classifyError(refused, context).hint);
    expect(classified.hint).not.toContain('[redacted]');
    expect(classified.hint).toContain('port');
  });

  it('classifies hostile thrown values instead of throwing', () => {
    const throwingGetter = Object.defineProperty({}, 'message', {
      get() {
        throw new Error('no');
      },
    });
    const symbolReply = { message: '451 later', responseCode: Symbol('451') };
    for (const thrown of [throwingGetter, symbolReply, new Proxy({}, { get: () => { throw new Error('trap'); } })]) {
      const classified = classifyError(thrown, context);
      expect(classified).toBeInstanceOf(MailerError);
      expect(classified.code).toBe('Unavailable');
    }
  });

  it('keeps the reply code and the reply text', () => {
    const classified = classifyError(error('550 5.1.1 No such user here', { responseCode: 550 }), context);
    expect(classified.responseCode).toBe(550);
    expect(classified.message).toContain('550 5.1.1 No such user here');
  });

  it('passes a MailerError through, adding the attempts it lacks', () => {
    const original = new MailerError('RateLimited', 'slow down', { retryAfter: 1000, hint: 'wait' });
    const classified = classifyError(original, context);
    expect(classified).toMatchObject({ code: 'RateLimited', summary: 'slow down', retryAfter: 1000, hint: 'wait', attempts: 2 });
    const counted = new MailerError('Rejected', 'no', { attempts: 1 });
    expect(classifyError(counted, context)).toBe(counted);
  });

  it('leaves attempts unset when the context has none', () => {
    const original = new MailerError('Unavailable', 'down');
    expect(classifyError(original, { operation: 'verify' })).toBe(original);
    expect(classifyError(new Error('x'), { operation: 'verify' }).attempts).toBeUndefined();
  });

  it('reports an abort as Unavailable that says so', () => {
    const aborted = classifyError(new DOMException('This operation was aborted', 'AbortError'), context);
    expect(aborted).toMatchObject({ code: 'Unavailable', hint: undefined });
    expect(aborted.message).toBe('send SignIn to ada@example.com on smtp.example.com:587 was aborted [Unavailable]');
    const timedOut = classifyError(new DOMException('The operation timed out', 'TimeoutError'), context);
    expect(timedOut.summary).toMatch(/was aborted \(timed out\)$/);
  });

  it('removes secrets and AUTH blobs from the message and the cause, and keeps no original error', () => {
    const pass = 's3cret-pa55';
    const blob = Buffer.from(`\u0000ada\u0000${pass}`).toString('base64');
    const thrown = error(`Invalid login: 535 echo AUTH PLAIN ${blob} and ${pass} and ${Buffer.from(pass).toString('base64')}`, {
      code: 'EAUTH',
      responseCode: 535,
      command: `AUTH PLAIN ${blob}`,
    });
    const classified = classifyError(thrown, { ...context, secrets: [pass], user: 'ada' });
    const cause = classified.cause as Error & Record<string, unknown>;
    const said = [classified.message, JSON.stringify(classified), cause.message, JSON.stringify(cause)].join('\n');
    expect(said).not.toContain(pass);
    expect(said).not.toContain(blob);
    expect(said).not.toContain(Buffer.from(pass).toString('base64'));
    expect(cause).not.toBe(thrown);
    expect(cause.command).toBeUndefined();
    expect(cause).toMatchObject({ code: 'EAUTH', responseCode: 535 });
  });

  it('removes control characters from the server text it quotes', () => {
    const classified = classifyError(error('550 bad\r\nInjected: header', { responseCode: 550 }), context);
    expect(classified.message).not.toMatch(/[\r\n]/);
  });
});
