import { describe, expect, it } from 'vitest';
import { SendQueue } from '../../src/delivery/send-queue.js';

interface Job {
  name: string;
  next: Job | undefined;
  prev: Job | undefined;
  finish?: () => void;
}

const job = (name: string): Job => ({ name, next: undefined, prev: undefined });

describe('SendQueue', () => {
  it('runs at most limit jobs, first in first out; a removed job never runs; whenIdle waits for all', async () => {
    const started: string[] = [];
    const running = new Set<Job>();
    const queue = new SendQueue<Job>(2, (item) => {
      started.push(item.name);
      running.add(item);
      return new Promise<void>((resolve) => {
        item.finish = () => {
          running.delete(item);
          resolve();
        };
      });
    });
    const jobs = ['a', 'b', 'c', 'd', 'e'].map(job);
    for (const item of jobs) queue.push(item);
    expect(started).toEqual(['a', 'b']);
    expect(queue.oldest()?.name).toBe('c');
    expect(queue.remove(jobs[3]!)).toBe(true);
    expect(queue.remove(jobs[3]!)).toBe(false);
    expect(queue.remove(jobs[0]!)).toBe(false);
    let idle = false;
    void queue.whenIdle().then(() => (idle = true));
    while (running.size > 0) {
      [...running][0]!.finish!();
      await new Promise((resolve) => setImmediate(resolve));
      expect(running.size).toBeLessThanOrEqual(2);
    }
    expect(started).toEqual(['a', 'b', 'c', 'e']);
    expect(idle).toBe(true);
    expect(queue.oldest()).toBeUndefined();
  });
});
