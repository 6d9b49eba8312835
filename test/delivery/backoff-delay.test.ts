import { describe, expect, it } from 'vitest';
import { backoffDelay, resolveRetryPolicy } from '../../src/delivery/retry-policy.js';

describe('backoffDelay', () => {
  const policy = resolveRetryPolicy({ baseDelay: 100, maxDelay: 1_000 });

  it('draws from [0, base * 2^(attempt-1)] (full jitter)', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(0);
    expect(backoffDelay(1, policy, () => 0.999)).toBe(99);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(200);
  });

  it('never exceeds maxDelay', () => {
    expect(backoffDelay(20, policy, () => 0.999)).toBe(999);
  });
});
