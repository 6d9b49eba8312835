import { createSmtpTransport } from '../../../src/transports/smtp/smtp-transport.js';
import { startSmtpSink } from '../../../src/testing/smtp-sink.js';
import { resolvedConfig } from '../smtp/resolved-config.js';
import { runTransportConformance } from './transport-conformance.js';

runTransportConformance('SMTP (against the SMTP sink)', async () => {
  const sink = await startSmtpSink();
  return {
    transport: createSmtpTransport(resolvedConfig(sink.config)),
    async received(count) {
      return (await sink.waitForMessages(count)).map((message) => ({ ...message }));
    },
    teardown: () => sink.close(),
  };
});

runTransportConformance('SMTP with AUTH and STARTTLS (against the SMTP sink)', async () => {
  const sink = await startSmtpSink({ starttls: true, authenticate: { user: 'mailer', pass: 'hunter2-secret' } });
  return {
    transport: createSmtpTransport(
      resolvedConfig(sink.config, { auth: { type: 'login', user: 'mailer', pass: 'hunter2-secret' }, smtp: { requireTLS: true } }),
    ),
    async received(count) {
      return (await sink.waitForMessages(count)).map((message) => ({ ...message }));
    },
    teardown: () => sink.close(),
  };
});
