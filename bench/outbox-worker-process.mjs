// One outbox worker of the bench, in its own process: sends the bench's message through the sink.
// Argument: JSON { redisUrl, port, concurrency }. Answers 'ready' over IPC; closes on 'close'.
import process from 'node:process';
import { createMailer } from 'auth-mailer';
import { createRedisOutbox } from 'auth-mailer/redis';
import { mailerConfig } from './fixture.mjs';

const { redisUrl, port, concurrency } = JSON.parse(process.argv[2]);
const mailer = createMailer(mailerConfig(port));
const outbox = createRedisOutbox({ connection: redisUrl, mailer, queueName: 'bench' });
process.on('message', async (message) => {
  if (message !== 'close') return;
  await outbox.close();
  await mailer.close();
  process.exit(0);
});
await mailer.verify();
await outbox.work({ concurrency });
process.send('ready');
