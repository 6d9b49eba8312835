// 200 sequential sends through the default transport, pool opening included: a timer stall
// (Nagle, a fixed delay between messages) shows up here as whole seconds.
import { createAuthMailerSubject } from './subjects.mjs';
import { timed } from './latency.mjs';

/**
 * @param {number} port - The sink's plain port.
 * @param {{ repeats?: number, sends?: number }} [options]
 * @returns {Promise<number[]>} milliseconds per 200 sends, per repeat
 */
export async function measureSequential(port, { repeats = 3, sends = 200 } = {}) {
  const durations = [];
  for (let repeat = 0; repeat < repeats; repeat += 1) {
    const subject = createAuthMailerSubject(port);
    durations.push(
      await timed(async () => {
        for (let i = 0; i < sends; i += 1) await subject.send(i);
      }),
    );
    await subject.close();
  }
  return durations;
}
