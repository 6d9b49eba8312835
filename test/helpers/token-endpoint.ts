/**
 * An OAuth2 token endpoint on 127.0.0.1 that answers as a test tells it: a refusal echoing the
 * request's credentials, a body that is not JSON, fresh tokens. A leak test's worst cases.
 */
import { createServer, type Server } from 'node:http';

/** What the endpoint answers one token request with. */
export interface TokenAnswer {
  status: number;
  body: string;
  contentType?: string;
}

/** A running endpoint. */
export interface TokenEndpoint {
  /** The URL to put in `auth.accessUrl`; its path is handed to `answer`. */
  url(path: string): string;
  /** Every request body received, as sent (form-encoded). */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

/**
 * Starts the endpoint.
 *
 * @param answer - Builds the reply from the request's path and raw body.
 * @returns The endpoint; close it after the test.
 */
export async function startTokenEndpoint(answer: (path: string, body: string) => TokenAnswer): Promise<TokenEndpoint> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      requests.push(body);
      const reply = answer(request.url ?? '/', body);
      response.writeHead(reply.status, { 'Content-Type': reply.contentType ?? 'application/json', Connection: 'close' });
      response.end(reply.body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
