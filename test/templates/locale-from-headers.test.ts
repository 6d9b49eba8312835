import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createMailer, localeFromHeaders } from '../../src/index.js';
import { MemoryTransport } from '../../src/testing/index.js';

/** The headers a real Node HTTP server hands its handler for a request sending `headers`. */
async function nodeRequestHeaders(headers: Record<string, string>): Promise<IncomingHttpHeaders> {
  let received: IncomingHttpHeaders = {};
  const server = createServer((request, response) => {
    received = request.headers;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/`, { headers });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return received;
}

const REGISTER_ONLY = { usageType: 'Register', contentType: 'text/plain', subject: 'Code', content: '{{code}}' };

describe('localeFromHeaders', () => {
  it('reads a Fetch Request\'s Accept-Language by weight, canonical', () => {
    const request = new Request('https://app.example/sign-in', { headers: { 'Accept-Language': 'en;q=0.5, pt-br, pt;q=0.9' } });
    expect(localeFromHeaders(request.headers)).toBe('pt-BR,pt,en');
  });

  it('reads the headers of a Node IncomingMessage', async () => {
    const headers = await nodeRequestHeaders({ 'Accept-Language': 'ja-JP,ja;q=0.9' });
    expect(localeFromHeaders(headers)).toBe('ja-JP,ja');
  });

  it('reads a plain record in any case of name, and a header given as several values', () => {
    expect(localeFromHeaders({ 'ACCEPT-LANGUAGE': 'de-de' })).toBe('de-DE');
    expect(localeFromHeaders({ 'accept-language': ['fr;q=0.4', 'sv'] })).toBe('sv,fr');
  });

  it('gives undefined for no header, no usable tag, q=0 only, or no headers at all', () => {
    expect(localeFromHeaders(new Headers())).toBeUndefined();
    expect(localeFromHeaders({ 'accept-language': '*, ../etc/passwd' })).toBeUndefined();
    expect(localeFromHeaders({ 'accept-language': 'en;q=0' })).toBeUndefined();
    expect(localeFromHeaders(undefined)).toBeUndefined();
    expect(localeFromHeaders(null)).toBeUndefined();
  });

  it('keeps the whole entries of a header longer than the mailer reads', () => {
    const long = ['nl', ...Array.from({ length: 60 }, (_, index) => `x-private${index};q=0.1`)].join(', ');
    expect(long.length).toBeGreaterThan(256);
    expect(localeFromHeaders({ 'accept-language': long })).toBe('nl');
  });

  it('gives at most eight tags', () => {
    const many = ['da', 'nb', 'fi', 'is', 'et', 'lv', 'lt', 'sk', 'sl', 'hr'].join(',');
    expect(localeFromHeaders({ 'accept-language': many })?.split(',')).toHaveLength(8);
  });

  it('chooses the language of the send from a browser request', async () => {
    const transport = new MemoryTransport();
    const mailer = createMailer({ host: 'smtp.example.com', fromEmail: 'auth@example.com', templates: [REGISTER_ONLY] }, { transport });
    const request = new Request('https://app.example/', { headers: { 'accept-language': 'xx-unknown, de;q=0.8' } });
    const result = await mailer.send({ to: 'user@example.com', type: 'SignIn', payload: { code: '402913', locale: localeFromHeaders(request.headers) } });
    expect(result.template).toEqual({ usageType: 'SignIn', locale: 'de', source: 'builtin' });
    await mailer.close();
  });
});
