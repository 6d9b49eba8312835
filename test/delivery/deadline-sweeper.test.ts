import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { DeadlinePassed, DeadlineSweeper } from '../../src/delivery/deadline-sweeper.js';

describe('DeadlineSweeper', () => {
  it('aborts the shared signal of a deadline and reports the deadline once it passed, never before', async () => {
    const passed: Array<{ deadline: number; at: number }> = [];
    const sweeper = new DeadlineSweeper(20, (deadline) => passed.push({ deadline, at: performance.now() }));
    const deadline = sweeper.deadlineFromNow();
    const signal = sweeper.signalFor(deadline);
    expect(sweeper.signalFor(deadline)).toBe(signal);
    expect(signal.aborted).toBe(false);
    await new Promise((resolve) => signal.addEventListener('abort', resolve));
    expect(signal.reason).toBeInstanceOf(DeadlinePassed);
    await new Promise((resolve) => setImmediate(resolve));
    expect(passed).toHaveLength(1);
    expect(passed[0]!.deadline).toBe(deadline);
    expect(passed[0]!.at).toBeGreaterThanOrEqual(deadline);
  });

  it('hands out deadlines that never decrease, and an aborted signal for one that has passed', async () => {
    const seen: number[] = [];
    const sweeper = new DeadlineSweeper(5, (deadline) => seen.push(deadline));
    const deadlines = [sweeper.deadlineFromNow()];
    await new Promise((resolve) => setTimeout(resolve, 2));
    deadlines.push(sweeper.deadlineFromNow(), sweeper.deadlineFromNow());
    expect([...deadlines].sort((a, b) => a - b)).toEqual(deadlines);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(seen).toEqual([...new Set(deadlines)]);
    expect(sweeper.signalFor(deadlines[0]!).aborted).toBe(true);
  });
});
