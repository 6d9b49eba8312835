/**
 * Misbehaving SMTP peers on 127.0.0.1 for the fault tests, where smtp-server cannot misbehave
 * the way a test needs: a proxy that cuts connections at a chosen point, a server that never
 * greets, a server that stalls in the middle of DATA, and a man in the middle that strips STARTTLS.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

/** Where the cutting proxy drops a connection. */
export type CutPoint = 'greeting' | 'after-mail' | 'during-data';

/** A TCP proxy in front of an SMTP server that cuts chosen connections and records what clients sent. */
export interface CuttingProxy {
  /** The port the proxy listens on. */
  port: number;
  /** How many client connections it accepted. */
  readonly connectionCount: number;
  /** What each client connection sent, as text, in the order they connected. */
  readonly sessions: readonly string[];
  /** Drops every open connection, both sides, as a server dropping idle clients does. */
  dropAll(): void;
  close(): Promise<void>;
}

/** A peer that records what it was sent. */
export interface RecordingServer {
  port: number;
  /** How many connections it accepted. */
  readonly connectionCount: number;
  /** Every byte clients sent, as text. */
  readonly received: string;
  close(): Promise<void>;
}

/**
 * Starts a proxy to `targetPort` that cuts the n-th connection at `cuts[n]` (counting from 0);
 * connections past the list pass through untouched.
 */
export async function startCuttingProxy(targetPort: number, cuts: readonly CutPoint[]): Promise<CuttingProxy> {
  const pairs = new Set<[Socket, Socket]>();
  const sessions: string[] = [];
  let connectionCount = 0;
  const server = createServer((client) => {
    const cut = cuts[connectionCount];
    const session = connectionCount;
    connectionCount += 1;
    sessions.push('');
    const upstream = connect(targetPort, '127.0.0.1');
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const drop = (): void => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    let sentMail = false;
    let dataAccepted = false;
    upstream.on('data', (chunk: Buffer) => {
      if (cut === 'greeting' || (cut === 'after-mail' && sentMail)) return drop();
      if (cut === 'during-data' && /^354 /m.test(chunk.toString('latin1'))) dataAccepted = true;
      client.write(chunk);
    });
    client.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1');
      sessions[session] += text;
      if (cut === 'after-mail' && /^MAIL FROM:/im.test(text)) sentMail = true;
      if (cut === 'during-data' && dataAccepted) {
        // Half the message reaches the server, never its terminating dot.
        upstream.write(chunk.subarray(0, Math.floor(chunk.length / 2)));
        return drop();
      }
      upstream.write(chunk);
    });
  });
  const port = await listen(server);
  return {
    port,
    get connectionCount() {
      return connectionCount;
    },
    sessions,
    dropAll() {
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      pairs.clear();
    },
    close() {
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      return stop(server);
    },
  };
}

/** A man in the middle that strips STARTTLS, recording what clients sent through it. */
export interface StrippingProxy {
  /** The address it listens on: `127.0.0.2`, a loopback address that is not `127.0.0.1`. */
  host: string;
  port: number;
  /** Every byte clients sent, as text, before any rewriting. */
  readonly received: string;
  close(): Promise<void>;
}

/**
 * Starts a proxy on 127.0.0.2 to an SMTP server on 127.0.0.1:`targetPort` that downgrades the
 * session as a hostile network does: it overwrites `STARTTLS` with `XXXXXXXX` in both directions,
 * so the client never sees it offered and the server never receives it (and answers `500`). It
 * rewrites whole lines only, so a word split across two TCP chunks cannot slip through.
 */
export async function startStartTlsStrippingProxy(targetPort: number): Promise<StrippingProxy> {
  const sockets = new Set<Socket>();
  let received = '';
  const relay = (from: Socket, to: Socket, record: boolean): void => {
    let pending = '';
    from.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1');
      if (record) received += text;
      pending += text;
      const end = pending.lastIndexOf('\r\n') + 2;
      if (end < 2) return;
      to.write(Buffer.from(pending.slice(0, end).replace(/STARTTLS/gi, 'XXXXXXXX'), 'latin1'));
      pending = pending.slice(end);
    });
  };
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined).on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    relay(client, upstream, true);
    relay(upstream, client, false);
  });
  const port = await listen(server, '127.0.0.2');
  return {
    host: '127.0.0.2',
    port,
    get received() {
      return received;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return stop(server);
    },
  };
}

/** Starts a server that accepts TCP connections and never says a word. */
export async function startSilentServer(): Promise<RecordingServer> {
  return startRecordingServer(() => undefined);
}

/**
 * Starts an SMTP server that answers everything up to `354` after DATA, then stalls: it reads the
 * message and never replies, so no message is ever accepted.
 */
export async function startStallingServer(): Promise<RecordingServer> {
  return startRecordingServer((socket) => {
    socket.write('220 stall.test ESMTP\r\n');
    let inData = false;
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      if (inData) return;
      buffered += chunk.toString('latin1');
      let end: number;
      while (!inData && (end = buffered.indexOf('\r\n')) !== -1) {
        const command = buffered.slice(0, end).toUpperCase();
        buffered = buffered.slice(end + 2);
        if (command.startsWith('EHLO') || command.startsWith('HELO')) socket.write('250 stall.test\r\n');
        else if (command === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (command === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
  });
}

/**
 * Starts an SMTP server that offers AUTH with `methods` and refuses every credential with a 535
 * that echoes what the client sent, as some servers do: a leak test's worst case.
 */
export async function startEchoingAuthServer(methods: readonly string[]): Promise<RecordingServer> {
  return startRecordingServer((socket) => {
    socket.write('220 echo.test ESMTP\r\n');
    let buffered = '';
    // AUTH LOGIN asks for the user name (unless given with the command), then the password.
    let awaiting: 'user' | 'password' | undefined;
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      let end: number;
      while ((end = buffered.indexOf('\r\n')) !== -1) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const command = line.toUpperCase();
        if (awaiting === 'user' || (awaiting === undefined && command.startsWith('AUTH LOGIN '))) {
          awaiting = 'password';
          socket.write('334 UGFzc3dvcmQ6\r\n');
        } else if (command === 'AUTH LOGIN') {
          awaiting = 'user';
          socket.write('334 VXNlcm5hbWU6\r\n');
        } else if (command.startsWith('EHLO')) socket.write(`250-echo.test\r\n250 AUTH ${methods.join(' ')}\r\n`);
        else if (command === 'QUIT') socket.end('221 bye\r\n');
        else {
          awaiting = undefined;
          socket.write(`535 5.7.8 Authentication failed for ${line}\r\n`);
        }
      }
    });
  });
}

async function startRecordingServer(greet: (socket: Socket) => void): Promise<RecordingServer> {
  const sockets = new Set<Socket>();
  let connectionCount = 0;
  let received = '';
  const server = createServer((socket) => {
    connectionCount += 1;
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => void (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    greet(socket);
  });
  const port = await listen(server);
  return {
    port,
    get connectionCount() {
      return connectionCount;
    },
    get received() {
      return received;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return stop(server);
    },
  };
}

function listen(server: Server, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve((server.address() as { port: number }).port));
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
