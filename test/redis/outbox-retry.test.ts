import { describe, expect, it } from 'vitest';
import { MailerError } from '../../src/index.js';
import { retryDelay } from '../../src/redis/outbox-retry.js';

const backoff = { baseDelay: 1000, maxDelay: 8000 };
const unavailable = new MailerError('Unavailable', 'Try again later');

describe('the outbox backoff', () => {
  it('doubles from baseDelay, with jitter in the upper half, up to maxDelay', () => {
    for (let run = 0; run < 50; run += 1) {
      for (const [attempt, ceiling] of [[1, 1000], [2, 2000], [3, 4000], [4, 8000], [9, 8000]] as const) {
        const delay = retryDelay(attempt, unavailable, backoff);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('honours a longer retryAfter (a rate limit or a server asked for it)', () => {
    const limited = new MailerError('RateLimited', 'Slow down', { retryAfter: 45_000 });
    expect(retryDelay(1, limited, backoff)).toBe(45_000);
    const short = new MailerError('RateLimited', 'Slow down', { retryAfter: 10 });
    expect(retryDelay(1, short, backoff)).toBeGreaterThanOrEqual(500);
  });
});
