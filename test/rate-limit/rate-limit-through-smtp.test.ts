import { afterEach, expect, it } from 'vitest';
import { createMailer, isMailerError, type Mailer } from '../../src/index.js';
import { startSmtpSink, type SmtpSink } from '../../src/testing/index.js';
import { logtoConfigFor } from '../helpers/logto-config.js';

let sink: SmtpSink | undefined;
let mailer: Mailer | undefined;
afterEach(async () => {
  await mailer?.close();
  await sink?.close();
  mailer = undefined;
  sink = undefined;
});

it('through real SMTP, the (limit+1)th send to a recipient is refused and the server receives exactly `limit`', async () => {
  const limit = 3;
  sink = await startSmtpSink({ authenticate: { user: 'mailer', pass: 'sink-pass' } });
  mailer = createMailer(logtoConfigFor(sink), { rateLimit: { limit, window: 60_000 } });

  for (let code = 1; code <= limit; code += 1) {
    await mailer.send({ to: 'Ada <ada@example.com>', type: 'SignIn', payload: { code } });
  }
  const refused = await mailer.send({ to: 'ADA@example.com', type: 'SignIn', payload: { code: 4 } }).catch((error: unknown) => error);
  await mailer.send({ to: 'grace@example.com', type: 'SignIn', payload: { code: 5 } });
  await mailer.close();

  expect(isMailerError(refused) && refused.code).toBe('RateLimited');
  expect(isMailerError(refused) && refused.retryAfter).toBeGreaterThan(0);
  await sink.waitForMessages(limit + 1);
  const received = sink.messages.map((message) => [message.envelope.to, message.text?.trim()]);
  expect(received).toEqual([
    [['ada@example.com'], 'Your SignIn code is 1.'],
    [['ada@example.com'], 'Your SignIn code is 2.'],
    [['ada@example.com'], 'Your SignIn code is 3.'],
    [['grace@example.com'], 'Your SignIn code is 5.'],
  ]);
});
