/**
 * A small HTTP server on 127.0.0.1 for the CLI's pages (`preview`, `dev`): loopback only, and
 * deaf to requests that name another host.
 *
 * @module
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MailerError } from '../errors/mailer-error.js';

/** What a page handler answers. */
export interface LocalResponse {
  /** The HTTP status. @default 200 */
  status?: number;
  /** The media type, such as `text/html; charset=utf-8`. */
  contentType: string;
  /** The body. */
  body: string;
  /** The Content-Security-Policy of an HTML page. */
  contentSecurityPolicy?: string;
}

/** The answer to a path the page does not have. */
export const NOT_FOUND: Readonly<LocalResponse> = Object.freeze({ status: 404, contentType: 'text/plain; charset=utf-8', body: 'Not found.\n' });

/** Answers one GET request, by its path and query. */
export type LocalHandler = (url: URL) => LocalResponse | Promise<LocalResponse>;

/** A running local server. */
export interface LocalServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** Stops listening and drops every connection. */
  close(): Promise<void>;
}

/**
 * Serves a handler on 127.0.0.1. Only GET and HEAD are answered, and only when the Host header
 * names this loopback address or `localhost` with the server's port: a page of another site that
 * resolves its own name to 127.0.0.1 (DNS rebinding) is refused with 421.
 *
 * @param handler - Answers each request.
 * @param port - The port, 0 for a free one.
 * @returns The running server.
 * @throws {@link MailerError} `Unavailable` when the port cannot be used (taken, or privileged).
 */
export async function serveLocalPage(handler: LocalHandler, port: number): Promise<LocalServer> {
  let origin = '';
  const server = createServer((request, response) => {
    const host = request.headers.host ?? '';
    const own = new URL(origin).port;
    if (host !== `127.0.0.1:${own}` && host !== `localhost:${own}`) {
      response.writeHead(421, { 'Content-Type': 'text/plain' }).end('This server answers only on 127.0.0.1.\n');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('Only GET.\n');
      return;
    }
    Promise.resolve()
      .then(() => handler(new URL(request.url ?? '/', origin)))
      .then(
        (answer) => answer,
        (error: unknown): LocalResponse => ({ status: 500, contentType: 'text/plain; charset=utf-8', body: `${(error as Error).message}\n` }),
      )
      .then((answer) => {
        response.writeHead(answer.status ?? 200, {
          'Content-Type': answer.contentType,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
          'X-Frame-Options': 'DENY',
          'Referrer-Policy': 'no-referrer',
          ...(answer.contentSecurityPolicy === undefined ? {} : { 'Content-Security-Policy': answer.contentSecurityPolicy }),
        });
        response.end(request.method === 'HEAD' ? undefined : answer.body);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new MailerError('Unavailable', `Cannot listen on 127.0.0.1:${port} (${error.code ?? error.message}): choose another --port, or 0 for a free one.`, {
          cause: error,
        }),
      ),
    );
    server.listen(port, '127.0.0.1', () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${bound}/`;
  return {
    url: origin,
    port: bound,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
