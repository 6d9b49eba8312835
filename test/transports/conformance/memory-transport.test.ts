import { MemoryTransport } from '../../../src/testing/memory-transport.js';
import { runTransportConformance, type Delivered } from './transport-conformance.js';

runTransportConformance('MemoryTransport', async () => {
  const transport = new MemoryTransport();
  return {
    transport,
    async received(count) {
      await transport.waitFor(() => transport.messages.length >= count);
      return transport.messages.map(
        (message): Delivered => ({
          from: message.from,
          to: message.to,
          replyTo: message.replyTo,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([name, value]) => [
              name.toLowerCase(),
              Array.isArray(value) ? value.join(', ') : value,
            ]),
          ),
        }),
      );
    },
    failNextSend(failure) {
      transport.failNext(failure);
    },
    stallNextSend: () => transport.stallNext(),
    async teardown() {},
  };
});
