// A worker process: sends the queued codes. Run several; kill any of them at any time.
import process from 'node:process';
import { createMailer } from 'auth-mailer';
import { mailerConfig, openOutbox } from './shared.mjs';

// No rateLimit on the mailer: the outbox checked it at enqueue. One attempt per run: the outbox retries.
const mailer = createMailer(mailerConfig, { retry: { attempts: 1 } });
const outbox = openOutbox(mailer);

outbox.on('sent', ({ id, to, attempt }) => console.log(`sent ${id} to ${to} (attempt ${attempt})`));
outbox.on('retried', ({ id, error, delay }) => console.log(`retrying ${id} in ${delay} ms: ${error.code}`));
outbox.on('failed', ({ id, error }) => console.log(`failed ${id}: ${error.code} ${error.message}`));
outbox.on('expired', ({ id }) => console.log(`expired ${id}: not sent`));

await outbox.work({ concurrency: 8 });
console.log('worker ready');

process.once('SIGTERM', async () => {
  await outbox.close(); // running sends finish; queued ones stay in Redis for the other workers
  await mailer.close();
});
