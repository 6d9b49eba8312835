// What the web and worker processes share: the mailer's config and the outbox's options.
import process from 'node:process';
import { createRedisOutbox } from 'auth-mailer/redis';

/** The SMTP relay, from the environment (see README.md). */
export const mailerConfig = {
  host: process.env.SMTP_HOST ?? '127.0.0.1',
  port: Number(process.env.SMTP_PORT ?? 587),
  fromEmail: process.env.MAIL_FROM ?? 'Acme <no-reply@acme.test>',
  ...(process.env.SMTP_USER ? { auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS ?? '' } } : {}),
};

/**
 * The outbox every process opens on the same Redis and queue.
 *
 * @param {import('auth-mailer').Mailer} [mailer] - Only the processes that send need one.
 */
export function openOutbox(mailer) {
  return createRedisOutbox({
    connection: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    ...(mailer === undefined ? {} : { mailer }),
    // Checked at enqueue, counted in Redis: the same limit for every web process.
    rateLimit: { limit: 5, window: 15 * 60_000, foldSubaddresses: true },
    // All workers together: protects the sender's reputation if something floods.
    sendRate: { max: 20, duration: 1000 },
  });
}
