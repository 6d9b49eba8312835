import type { ResolvedMailerConfig } from '../../../src/config/mailer-config.js';
import { createSmtpTransport } from '../../../src/transports/smtp/smtp-transport.js';
import type { SendStall } from '../../../src/testing/memory-transport.js';
import { startSmtpSink, type SinkHookResult, type SmtpSinkOptions } from '../../../src/testing/smtp-sink.js';
import { resolvedConfig } from '../smtp/resolved-config.js';
import { runTransportConformance, type TransportFixture } from './transport-conformance.js';

/**
 * A fixture for the SMTP transport against the SMTP sink: the failures and stalls the suite asks
 * for are the sink's answer to the next RCPT TO.
 */
async function smtpFixture(
  sinkOptions: SmtpSinkOptions,
  configure: (sinkConfig: Parameters<typeof resolvedConfig>[0]) => ResolvedMailerConfig,
): Promise<TransportFixture> {
  const nextRcptReplies: Array<() => SinkHookResult> = [];
  const sink = await startSmtpSink({ ...sinkOptions, onRcptTo: () => nextRcptReplies.shift()?.() });
  return {
    transport: createSmtpTransport(configure(sink.config)),
    async received(count) {
      return (await sink.waitForMessages(count)).map((message) => ({ ...message }));
    },
    failNextSend(failure) {
      const code = failure === 'Rejected' ? 550 : 451;
      nextRcptReplies.push(() => ({ code, message: `${code} refused by the conformance test` }));
    },
    stallNextSend(): SendStall {
      let start!: () => void;
      let release!: () => void;
      const started = new Promise<void>((resolve) => (start = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      nextRcptReplies.push(() => {
        start();
        return released;
      });
      return { started, release };
    },
    teardown: () => sink.close(),
  };
}

runTransportConformance('SMTP (against the SMTP sink)', () => smtpFixture({}, (sinkConfig) => resolvedConfig(sinkConfig)));

runTransportConformance('SMTP with AUTH and STARTTLS (against the SMTP sink)', () =>
  smtpFixture({ starttls: true, authenticate: { user: 'mailer', pass: 'hunter2-secret' } }, (sinkConfig) =>
    resolvedConfig(sinkConfig, { auth: { type: 'login', user: 'mailer', pass: 'hunter2-secret' }, smtp: { requireTLS: true } }),
  ),
);
