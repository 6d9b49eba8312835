import { describe, expect, it } from 'vitest';
import { createMailer, isMailerError, type MailerError } from '../../src/index.js';
import { MemoryTransport } from '../../src/testing/index.js';
import { logtoTemplates } from '../helpers/logto-config.js';

const CONFIG = { host: 'smtp.example.com', port: 587, fromEmail: 'no-reply@acme.test', templates: logtoTemplates() };

/** The MailerError createMailer throws for these options (the test fails when it throws none). */
function refusal(options: unknown): MailerError {
  try {
    createMailer(CONFIG, options as never);
  } catch (error) {
    if (isMailerError(error)) return error;
    throw error;
  }
  throw new Error('createMailer accepted the options');
}

describe('the mailer options are checked like the config', () => {
  it('names a misspelt option with the right spelling, instead of sending over real SMTP', () => {
    const error = refusal({ tranport: new MemoryTransport() });
    expect(error.code).toBe('InvalidConfig');
    expect(error.issues).toEqual([{ path: 'tranport', message: 'unknown key `tranport`; did you mean `transport`?' }]);
    expect(error.message).toMatch(/^Invalid mailer options \(1 problem\):\n {2}- tranport: unknown key/);
  });

  it('names misspelt keys inside retry and rateLimit by path', () => {
    const error = refusal({ retry: { attempt: 2 }, rateLimit: { limit: 5, window: 60_000, windows: 1 } });
    expect(error.issues?.map((issue) => [issue.path, issue.message])).toEqual([
      ['retry.attempt', 'unknown key `attempt`; did you mean `attempts`?'],
      ['rateLimit.windows', 'unknown key `windows`; did you mean `window`?'],
    ]);
  });

  it('refuses a retry deadline or delay no Node timer can wait for (2^31-1 ms at most)', () => {
    const error = refusal({ retry: { deadline: 2 ** 31, maxDelay: 2 ** 40 } });
    expect(error.issues?.map((issue) => issue.path)).toEqual(['retry.deadline', 'retry.maxDelay']);
    expect(error.issues?.[0]?.message).toBe(
      'must be a whole number from 1 to 2147483647 (milliseconds; a Node timer waits no longer)',
    );
    expect(() => createMailer(CONFIG, { transport: new MemoryTransport(), retry: { deadline: 2 ** 31 - 1 } })).not.toThrow();
  });

  it('refuses out-of-range retry values, naming each', () => {
    const error = refusal({ retry: { attempts: 0, deadline: 1.5, baseDelay: -1 } });
    expect(error.issues?.map((issue) => issue.path)).toEqual(['retry.attempts', 'retry.deadline', 'retry.baseDelay']);
  });

  it('refuses a template store without findTemplate, and a transport without send', () => {
    expect(refusal({ templateStore: {} }).issues).toEqual([
      { path: 'templateStore', message: 'must be an object with findTemplate(usageType, locale); got an object without findTemplate()' },
    ]);
    expect(refusal({ transport: 'smtp' }).issues).toEqual([
      { path: 'transport', message: 'must be an object with send(message, { signal }); got a string' },
    ]);
  });

  it('refuses a codeInSubject that is not a boolean, and a misspelling of it', () => {
    expect(refusal({ codeInSubject: 'yes' }).issues).toEqual([{ path: 'codeInSubject', message: 'must be `true` or `false`; got a string' }]);
    expect(refusal({ codeInSubjects: true }).issues?.[0]?.message).toBe('unknown key `codeInSubjects`; did you mean `codeInSubject`?');
    expect(() => createMailer(CONFIG, { transport: new MemoryTransport(), codeInSubject: true })).not.toThrow();
  });

  it('refuses options that are not an object', () => {
    expect(refusal('fast').issues).toEqual([{ path: '', message: 'must be an object of mailer options; got a string' }]);
    expect(refusal([]).issues?.[0]?.path).toBe('');
  });

  it('says which rate-limit field is missing and what to put there', () => {
    expect(refusal({ rateLimit: { window: 1000 } }).issues).toEqual([
      { path: 'rateLimit.limit', message: 'is required; add the most sends per window, such as 5' },
    ]);
  });

  it('keeps your transport object itself: a class instance with methods on its prototype', async () => {
    const transport = new MemoryTransport();
    const mailer = createMailer(CONFIG, { transport, templateStore: null as never });
    await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } });
    await mailer.close();
    expect(transport.messages.map((message) => message.to)).toEqual(['ada@example.com']);
  });
});
