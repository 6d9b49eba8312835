import { afterEach, beforeEach } from 'vitest';
import type { Mailer } from '../../src/index.js';
import { startSmtpSink, type SmtpSink } from '../../src/testing/index.js';

/** The running sink of the current test, and a way to have a mailer closed after it. */
export interface SinkPerTest {
  /** The SMTP sink started for the current test. */
  sink(): SmtpSink;
  /** Closes `mailer` after the current test, before the sink; returns it. */
  keep(mailer: Mailer): Mailer;
}

/**
 * Starts an SMTP sink before each test of the calling file and closes it after, with every mailer
 * the test kept.
 *
 * @returns Access to the current sink, and `keep` for the test's mailers.
 */
export function sinkPerTest(): SinkPerTest {
  let current: SmtpSink | undefined;
  const mailers: Mailer[] = [];
  beforeEach(async () => {
    current = await startSmtpSink();
  });
  afterEach(async () => {
    for (const mailer of mailers.splice(0)) await mailer.close();
    await current?.close();
    current = undefined;
  });
  return {
    sink: () => {
      if (current === undefined) throw new Error('sinkPerTest(): the sink runs only inside a test');
      return current;
    },
    keep: (mailer) => (mailers.push(mailer), mailer),
  };
}
