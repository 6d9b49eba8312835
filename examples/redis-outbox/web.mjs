// A web process: takes "send me a code" requests and enqueues them. Run as many as you like.
import { randomInt } from 'node:crypto';
import { createServer } from 'node:http';
import process from 'node:process';
import { isMailerError } from 'auth-mailer';
import { openOutbox } from './shared.mjs';

const outbox = openOutbox();

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (request.method !== 'POST' || url.pathname !== '/sign-in/code') return void response.writeHead(404).end();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  // (A real app stores a hash of the code with the user's sign-in attempt here.)
  const idempotencyKey = request.headers['idempotency-key'];
  try {
    const { id, duplicate } = await outbox.enqueue(
      { to: url.searchParams.get('email') ?? '', type: 'SignIn', payload: { code } },
      { ...(typeof idempotencyKey === 'string' ? { idempotencyKey } : {}), notAfter: Date.now() + 10 * 60_000 },
    );
    response.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id, duplicate }));
  } catch (error) {
    if (!isMailerError(error)) throw error;
    if (error.code === 'RateLimited') {
      response.writeHead(429, { 'retry-after': String(Math.ceil((error.retryAfter ?? 60_000) / 1000)) }).end();
    } else if (error.retryable) {
      response.writeHead(503).end(); // Redis is down: the client may try again, with the same Idempotency-Key
    } else {
      response.writeHead(400, { 'content-type': 'text/plain' }).end(error.message);
    }
  }
});

server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});

process.once('SIGTERM', () => server.close(() => outbox.close()));
