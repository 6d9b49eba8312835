// One process of the outbox proofs, run from the built package (`npm run build` first). Forked
// with IPC; its role and settings come as a JSON argument:
//   { role: 'worker', redisUrl, smtpPort, concurrency, lockDuration } - sends jobs until told 'close'.
//   { role: 'enqueue', redisUrl, requests: [{ to, code, idempotencyKey? }], rateLimit? } - enqueues
//     them all at once, reports each outcome, and exits.
import process from 'node:process';
import { createMailer } from '../../dist/index.js';
import { createRedisOutbox } from '../../dist/redis/index.js';

const settings = JSON.parse(process.argv[2]);
const TEMPLATES = [{ usageType: 'SignIn', contentType: 'text/plain', subject: 'Sign in', content: 'Code {{code}}' }];

if (settings.role === 'worker') {
  const mailer = createMailer({ host: '127.0.0.1', port: settings.smtpPort, fromEmail: 'no-reply@acme.test', templates: TEMPLATES });
  const outbox = createRedisOutbox({
    connection: settings.redisUrl,
    mailer,
    lockDuration: settings.lockDuration,
    backoff: { baseDelay: 100, maxDelay: 500 },
  });
  process.on('message', async (message) => {
    if (message !== 'close') return;
    await outbox.close();
    await mailer.close();
    process.exit(0);
  });
  await outbox.work({ concurrency: settings.concurrency });
  process.send({ kind: 'ready' });
} else if (settings.role === 'enqueue') {
  const outbox = createRedisOutbox({ connection: settings.redisUrl, ...(settings.rateLimit ? { rateLimit: settings.rateLimit } : {}) });
  const outcomes = await Promise.all(
    settings.requests.map(({ to, code, idempotencyKey }) =>
      outbox
        .enqueue({ to, type: 'SignIn', payload: { code } }, idempotencyKey === undefined ? {} : { idempotencyKey })
        .then(
          ({ id, duplicate }) => ({ id, duplicate }),
          (error) => ({ error: error.code }),
        ),
    ),
  );
  await outbox.close();
  process.send({ kind: 'enqueued', outcomes }, () => process.exit(0));
}
