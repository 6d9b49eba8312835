import { describe, expect, it } from 'vitest';
import { createMemoryRateLimitStore } from '../../src/index.js';

function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

const RULE = { limit: 3, window: 60_000 };

describe('the memory rate-limit store', () => {
  it('allows `limit` hits per key, then refuses with the time until the oldest leaves the window', async () => {
    const time = clock();
    const store = createMemoryRateLimitStore({ now: time.now });
    expect(await store.hit('k', RULE)).toEqual({ allowed: true, retryAfter: 0, remaining: 2 });
    time.advance(10_000);
    expect(await store.hit('k', RULE)).toEqual({ allowed: true, retryAfter: 0, remaining: 1 });
    time.advance(10_000);
    expect(await store.hit('k', RULE)).toEqual({ allowed: true, retryAfter: 0, remaining: 0 });
    time.advance(5_000);
    expect(await store.hit('k', RULE)).toEqual({ allowed: false, retryAfter: 35_000 });
  });

  it('slides the window: a send is allowed again exactly when the oldest one is `window` old', async () => {
    const time = clock();
    const store = createMemoryRateLimitStore({ now: time.now });
    for (let sent = 0; sent < RULE.limit; sent += 1) {
      await store.hit('k', RULE);
      time.advance(10_000);
    }
    time.advance(RULE.window - 30_000 - 1);
    expect(await store.hit('k', RULE)).toEqual({ allowed: false, retryAfter: 1 });
    time.advance(1);
    expect(await store.hit('k', RULE)).toEqual({ allowed: true, retryAfter: 0, remaining: 0 });
    // Only the first send left the window; the second leaves it 10 s later.
    expect(await store.hit('k', RULE)).toEqual({ allowed: false, retryAfter: 10_000 });
  });

  it('never allows more than `limit` hits in any window, whatever the spacing', async () => {
    const time = clock();
    const store = createMemoryRateLimitStore({ now: time.now });
    const allowedAt: number[] = [];
    for (let step = 0; step < 400; step += 1) {
      if ((await store.hit('k', RULE)).allowed) allowedAt.push(time.now());
      time.advance(1_000 + ((step * 7_919) % 9_000));
    }
    for (const start of allowedAt) {
      expect(allowedAt.filter((at) => at >= start && at < start + RULE.window).length).toBeLessThanOrEqual(RULE.limit);
    }
    expect(allowedAt.length).toBeGreaterThan(RULE.limit);
  });

  it('does not count refused hits, so a flood does not push back the next allowed send', async () => {
    const time = clock();
    const store = createMemoryRateLimitStore({ now: time.now });
    for (let sent = 0; sent < RULE.limit; sent += 1) await store.hit('k', RULE);
    for (let flood = 0; flood < 50; flood += 1) {
      time.advance(1_000);
      expect((await store.hit('k', RULE)).allowed).toBe(false);
    }
    time.advance(RULE.window - 50_000);
    expect((await store.hit('k', RULE)).allowed).toBe(true);
  });

  it('counts each key on its own', async () => {
    const store = createMemoryRateLimitStore({ now: clock().now });
    for (let sent = 0; sent < RULE.limit; sent += 1) await store.hit('a', RULE);
    expect((await store.hit('a', RULE)).allowed).toBe(false);
    expect(await store.hit('b', RULE)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('forgets keys once their window has passed, so memory holds only recent recipients', async () => {
    const time = clock();
    const store = createMemoryRateLimitStore({ now: time.now });
    const rule = { limit: 1, window: 1_000 };
    for (let key = 0; key < 100; key += 1) await store.hit(`flood-${key}@example.com`, rule);
    expect(store.size).toBe(100);
    time.advance(999);
    await store.hit('recent', rule);
    expect(store.size).toBe(101);
    time.advance(1);
    await store.hit('latest', rule);
    expect(store.size).toBe(2);
    expect(await store.hit('flood-0@example.com', rule)).toEqual({ allowed: true, retryAfter: 0, remaining: 0 });
  });

  it('defaults to the real clock', async () => {
    const store = createMemoryRateLimitStore();
    expect((await store.hit('k', { limit: 1, window: 60_000 })).allowed).toBe(true);
    const refused = await store.hit('k', { limit: 1, window: 60_000 });
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfter).toBeGreaterThan(0);
    expect(refused.retryAfter).toBeLessThanOrEqual(60_000);
  });
});
