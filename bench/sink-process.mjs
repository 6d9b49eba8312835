// The bench's SMTP sink, run in its own process (forked by bench/sink-client.mjs): smtp-server on
// 127.0.0.1 port 0, plain and STARTTLS listeners plus delay relays, counting messages.
//
// smtp-server waits 100 ms before every greeting (SMTPConnection#init: `setTimeout(() =>
// this.connectionReady(), 100)`, "a small delay for detecting early talkers") and has no option for
// it. The bench replaces `init` with the same steps minus the timer, so a new connection costs what
// the client and the protocol cost, not a fixed 100 ms.
import console from 'node:console';
import process from 'node:process';
import { SMTPServer } from 'smtp-server';
import { SMTPConnection } from 'smtp-server/lib/smtp-connection.js';
import { startDelayRelay } from './delay-relay.mjs';

SMTPConnection.prototype.init = function initWithoutGreetingDelay() {
  this._setListeners(() => {
    if (this._server.options.maxClients && this._server.connections.size > this._server.options.maxClients) {
      return this.send(421, `${this.name} Too many connected clients, try again in a moment`, false);
    }
    this.connectionReady();
  });
};

let received = 0;
let bytes = 0;

function startServer({ starttls }) {
  const server = new SMTPServer({
    logger: false,
    disableReverseLookup: true,
    hideSTARTTLS: !starttls,
    authOptional: true,
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    maxClients: 10_000,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onData(stream, _session, callback) {
      stream.on('data', (chunk) => {
        bytes += chunk.length;
      });
      stream.on('end', () => {
        received += 1;
        callback(null, 'OK: queued by the bench sink');
      });
    },
  });
  server.on('error', () => {});
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// smtp-server warns on stderr when it falls back to its built-in certificate; the bench means to.
const warn = console.error;
console.error = (...args) => (String(args[0]).includes('built-in default TLS certificate') ? undefined : warn(...args));

const plain = await startServer({ starttls: false });
const tls = await startServer({ starttls: true });
const plainPort = plain.server.address().port;
const relay = await startDelayRelay({ targetPort: plainPort, delayMs: Number(process.env.BENCH_RELAY_DELAY_MS ?? 25) });

process.on('message', (request) => {
  if (request?.type === 'count') process.send({ type: 'count', id: request.id, received, bytes });
  if (request?.type === 'close') {
    relay.close();
    plain.close(() => {});
    tls.close(() => {});
    process.disconnect();
    process.exit(0);
  }
});
process.send({
  type: 'ready',
  ports: { plain: plainPort, starttls: tls.server.address().port, relay: relay.port },
});
