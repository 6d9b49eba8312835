import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';

/** The outbox's default queue name and key prefix, as the proofs use them. */
const QUEUE = 'auth-mailer';
const EVENTS = `${QUEUE}:${QUEUE}:events`;

/** The take-backs of one queue, read from its event stream. */
export interface TakeBacks {
  /** How many take-backs were read live so far. */
  readonly live: () => number;
  /** How many times each job was taken back so far (job id -> count); reads the stream to its end first. */
  count(): Promise<Map<string, number>>;
  /** Stops listening. */
  close(): Promise<void>;
}

/**
 * Records each time BullMQ's stalled-job check took a job back from the worker that held it (its
 * lock lapsed: the worker was killed, lost Redis, or froze longer than `lockDuration`) and put it
 * back to be run again: the one way an outbox job in flight is sent twice. The check writes a
 * `stalled` event to the queue's stream in the same script that moves the job, so Redis keeps the
 * two together (AOF on) or neither. The stream is trimmed to its last ~10,000 events, so it is
 * followed live from its start and read whole once more at the end.
 *
 * @param url - The Redis the outbox runs on.
 * @returns The recorder; start it before the workers.
 */
export async function recordTakeBacks(url: string): Promise<TakeBacks> {
  const { hostname, port } = new URL(url);
  const seen = new Map<string, string>(); // event id -> job id
  const events = new QueueEvents(QUEUE, { connection: { host: hostname, port: Number(port) }, prefix: QUEUE, lastEventId: '0-0' });
  events.on('error', () => undefined); // the Redis restart: QueueEvents reconnects and reads on
  events.on('stalled', ({ jobId }, eventId) => seen.set(eventId, jobId));
  await events.waitUntilReady();
  return {
    live: () => seen.size,
    count: async () => {
      const reader = new Redis(url);
      try {
        for (const [eventId, fields] of await reader.xrange(EVENTS, '-', '+')) {
          const field = (name: string) => fields[fields.indexOf(name) + 1];
          if (field('event') === 'stalled') seen.set(eventId, field('jobId') as string);
        }
      } finally {
        await reader.quit();
      }
      const counts = new Map<string, number>();
      for (const jobId of seen.values()) counts.set(jobId, (counts.get(jobId) ?? 0) + 1);
      return counts;
    },
    close: () => events.close(),
  };
}
