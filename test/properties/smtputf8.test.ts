import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailer, isMailerError, type Mailer } from '../../src/index.js';
import { startSmtpSink, type SmtpSink } from '../../src/testing/index.js';
import { SEED } from './arbitraries.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function setUp(smtputf8: boolean, fromEmail = 'Acme <no-reply@acme.test>'): Promise<{ sink: SmtpSink; mailer: Mailer }> {
  const sink = await startSmtpSink({ smtputf8 });
  const mailer = createMailer(
    {
      ...sink.config,
      fromEmail,
      templates: [{ usageType: 'Generic', contentType: 'text/plain', subject: 'Code', content: 'Code {{code}}' }],
    },
    { retry: { attempts: 1 } },
  );
  cleanups.push(() => sink.close(), () => mailer.close());
  return { sink, mailer };
}

const INTERNATIONAL = ['用户@例子.测试', 'josé@example.com', 'Jörg Müller <jörg@müller.example>', 'δοκιμή@παράδειγμα.δοκιμή'];

/** Internationalized local parts: letters from several scripts. */
const internationalLocal = fc
  .array(fc.constantFrom('é', 'ü', 'ß', 'д', 'ж', '用', '户', 'α', 'ש', 'ㅎ', 'a', 'b', '1', '.'), { minLength: 1, maxLength: 12 })
  .map((chars) => chars.join(''))
  .filter((local) => /[^\p{ASCII}]/u.test(local) && !/^\.|\.$|\.\./.test(local));

describe('internationalized addresses (SMTPUTF8)', () => {
  it('are delivered intact when the server offers SMTPUTF8', async () => {
    const { sink, mailer } = await setUp(true);
    for (const to of INTERNATIONAL) {
      sink.clear();
      const result = await mailer.send({ to, type: 'Generic', payload: { code: '1' } });
      const address = /<(.*)>$/.exec(to)?.[1] ?? to;
      const [received] = await sink.waitForMessages(1);
      expect(received?.envelope.to).toEqual([address]);
      expect(received?.to).toBe(to);
      expect(result.accepted).toEqual([address]);
    }
  });

  it('are refused with InvalidRecipient, before anything is sent, when the server does not offer SMTPUTF8', async () => {
    const { sink, mailer } = await setUp(false);
    await fc.assert(
      fc.asyncProperty(internationalLocal, fc.constantFrom('example.com', '例子.测试', 'müller.example'), async (local, domain) => {
        const error = await mailer.send({ to: `${local}@${domain}`, type: 'Generic', payload: { code: '1' } }).catch((reason: unknown) => reason);
        expect(isMailerError(error)).toBe(true);
        expect(error).toMatchObject({ code: 'InvalidRecipient', retryable: false, message: expect.stringContaining('does not support SMTPUTF8') });
      }),
      { seed: SEED, numRuns: 30 },
    );
    expect(sink.messages).toHaveLength(0);
    // Only the one probe connection: no delivery was ever attempted, and the answer was kept.
    expect(sink.connectionCount).toBe(1);
  });

  it('still delivers ASCII addresses, IDN domains included (as punycode), when the server does not offer SMTPUTF8', async () => {
    const { sink, mailer } = await setUp(false);
    const result = await mailer.send({ to: 'user@例子.测试', type: 'Generic', payload: { code: '1' } });
    expect(result.accepted).toEqual(['user@xn--fsqu00a.xn--0zwm56d']);
    await mailer.send({ to: 'ada@example.com', type: 'Generic', payload: { code: '2' } });
    const received = await sink.waitForMessages(2);
    expect(received.map((message) => message.text?.trim())).toEqual(['Code 1', 'Code 2']);
  });

  it('refuses an internationalized sender with InvalidConfig when the server does not offer SMTPUTF8', async () => {
    const { sink, mailer } = await setUp(false, 'Acme <büro@acme.test>');
    const error = await mailer.send({ to: 'ada@example.com', type: 'Generic', payload: { code: '1' } }).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ name: 'MailerError', code: 'InvalidConfig', retryable: false, message: expect.stringContaining('SMTPUTF8') });
    expect(sink.messages).toHaveLength(0);
  });
});
