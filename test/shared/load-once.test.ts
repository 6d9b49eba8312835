import { describe, expect, it } from 'vitest';
import { loadOnce } from '../../src/shared/load-once.js';

describe('loadOnce', () => {
  it('loads once and hands every caller the same promise', async () => {
    let calls = 0;
    const load = loadOnce(async () => ++calls);
    const [first, second] = [load(), load()];
    expect(first).toBe(second);
    expect(await first).toBe(1);
    expect(await load()).toBe(1);
    expect(calls).toBe(1);
  });

  it('tries again after a failed load, so a package installed meanwhile is found', async () => {
    let calls = 0;
    const load = loadOnce(async () => {
      calls += 1;
      if (calls === 1) throw new Error('not installed');
      return 'loaded';
    });
    await expect(load()).rejects.toThrow('not installed');
    expect(await load()).toBe('loaded');
    expect(await load()).toBe('loaded');
    expect(calls).toBe(2);
  });
});
