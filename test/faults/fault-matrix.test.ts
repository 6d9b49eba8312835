import { afterEach, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/index.js';
import { caseConfig, FAST_RETRY, FAULT_CASES, RECIPIENT, type CaseAuth } from './fault-cases.js';
import { expectNoUnhandledRejections, outcomeOf } from './send-outcome.js';

const AUTH: CaseAuth = { user: 'mailer', pass: 'matrix-password' };
const cleanups: Array<() => Promise<void>> = [];

expectNoUnhandledRejections();
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

describe('the fault matrix: each send through a misbehaving server', () => {
  it.each(FAULT_CASES.map((faultCase) => [faultCase.name, faultCase] as const))('%s', async (_name, faultCase) => {
    const peer = await faultCase.start(AUTH);
    cleanups.push(() => peer.close());
    const mailer = createMailer(caseConfig(peer, AUTH), { retry: FAST_RETRY });
    cleanups.push(() => mailer.close());

    const outcome = await outcomeOf(mailer.send({ to: RECIPIENT, type: 'SignIn', payload: { code: '123456' } }));

    const { expected } = faultCase;
    if (expected.delivered) {
      expect(outcome.error).toBeUndefined();
      expect(outcome.result).toMatchObject({ accepted: [RECIPIENT], rejected: [], attempts: expected.attempts });
    } else {
      expect(outcome.result).toBeUndefined();
      const error = outcome.error!;
      expect({ code: error.code, retryable: error.retryable, attempts: error.attempts }).toEqual({
        code: expected.code,
        retryable: expected.code === 'Unavailable',
        attempts: expected.attempts,
      });
      expect(error.responseCode).toBe(expected.responseCode ?? error.responseCode);
      if (expected.responseCode !== undefined) expect(error.message).toContain(`Refused by the test (${expected.responseCode})`);
      if (expected.hint !== undefined) expect(error.hint).toMatch(expected.hint);
      expect(error.message).toContain(`127.0.0.1:${peer.config.port}`);
    }
    await mailer.close();
    peer.checkReceived();
  });
});
