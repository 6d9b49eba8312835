import { describe, expect, it, vi } from 'vitest';
import { createLinkConfirmHandler, type ConsumeResult, type LinkConfirmOptions } from '../../src/links/index.js';

const PAGE = 'https://app.example/auth/link';
const TOKEN = 'tok_7f3a9c2e';

function handlerWith(result: ConsumeResult = { redirect: '/welcome' }, options: Partial<LinkConfirmOptions> = {}) {
  const consume = vi.fn((_token: string, _request: Request) => result);
  return { consume, handler: createLinkConfirmHandler({ consume, ...options }) };
}

function post(headers: Record<string, string>, body = new URLSearchParams({ token: TOKEN }), url = `${PAGE}?token=${TOKEN}`): Request {
  return new Request(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body });
}

describe('createLinkConfirmHandler', () => {
  it('answers GET with a confirm page holding the token in a form, without consuming it', async () => {
    const { consume, handler } = handlerWith();
    const response = await handler(new Request(`${PAGE}?token=${TOKEN}&lang=en`));
    const html = await response.text();
    expect(response.status).toBe(200);
    // No action: the browser posts to the URL it shows, whatever a proxy changed on the way.
    expect(html).toContain('<form method="post">');
    expect(html).toContain(`<input type="hidden" name="token" value="${TOKEN}">`);
    expect(html).not.toContain('<script');
    expect(consume).not.toHaveBeenCalled();
  });

  it('sends every page uncached, unindexed, without referrer, framing or scripts', async () => {
    const { handler } = handlerWith(false);
    for (const request of [new Request(`${PAGE}?token=${TOKEN}`), new Request(PAGE), post({ 'Sec-Fetch-Site': 'same-origin' })]) {
      const { headers } = await handler(request);
      expect(headers.get('cache-control')).toBe('no-store');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('x-robots-tag')).toBe('noindex, nofollow');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(headers.get('content-security-policy')).not.toContain('script-src');
    }
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const { consume, handler } = handlerWith();
    const response = await handler(new Request(`${PAGE}?token=${TOKEN}`, { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('');
    expect(consume).not.toHaveBeenCalled();
  });

  it('answers a link without a token with the invalid page (400)', async () => {
    const response = await handlerWith().handler(new Request(PAGE));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Enter the code from the email instead');
  });

  it('escapes a token that would break out of the form', async () => {
    const token = '"><script>alert(1)</script>';
    const html = await (await handlerWith().handler(new Request(`${PAGE}?token=${encodeURIComponent(token)}`))).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it.each([
    ['Sec-Fetch-Site: same-origin', { 'Sec-Fetch-Site': 'same-origin' }],
    ['an Origin equal to the page origin (no fetch metadata)', { Origin: 'https://app.example' }],
  ])('consumes the posted token on a same-origin POST: %s', async (_name, headers) => {
    const { consume, handler } = handlerWith({ redirect: '/welcome', headers: [['Set-Cookie', 'session=abc; HttpOnly']] });
    const response = await handler(post(headers));
    expect(consume).toHaveBeenCalledTimes(1);
    expect(consume.mock.calls[0]?.[0]).toBe(TOKEN);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/welcome');
    expect(response.headers.get('set-cookie')).toBe('session=abc; HttpOnly');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://app.example' }],
    ['Sec-Fetch-Site: same-site', { 'Sec-Fetch-Site': 'same-site' }],
    ['Sec-Fetch-Site: none', { 'Sec-Fetch-Site': 'none' }],
    ['another Origin', { Origin: 'https://evil.example' }],
    ['Origin: null', { Origin: 'null' }],
    ['neither header', {}],
  ])('refuses a POST that is not from the confirm page (403), consuming nothing: %s', async (_name, headers) => {
    const { consume, handler } = handlerWith();
    const response = await handler(post(headers));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('nothing was done');
    expect(consume).not.toHaveBeenCalled();
  });

  it('accepts the public origin given in allowedOrigins, as behind a proxy', async () => {
    const { consume, handler } = handlerWith({ redirect: '/' }, { allowedOrigins: ['https://public.example'] });
    expect((await handler(post({ Origin: 'https://public.example' }))).status).toBe(303);
    expect(consume).toHaveBeenCalledTimes(1);
  });

  it("shows the invalid page (410) when consume answers false, and sends consume's own Response as it is", async () => {
    const spent = await handlerWith(false).handler(post({ 'Sec-Fetch-Site': 'same-origin' }));
    expect(spent.status).toBe(410);
    expect(await spent.text()).toContain('It has expired or was already used');
    const own = new Response('custom', { status: 200 });
    expect(await handlerWith(own).handler(post({ 'Sec-Fetch-Site': 'same-origin' }))).toBe(own);
  });

  it('consumes nothing for a POST without the token field or with another body type (400)', async () => {
    const { consume, handler } = handlerWith();
    expect((await handler(post({ 'Sec-Fetch-Site': 'same-origin' }, new URLSearchParams()))).status).toBe(400);
    const json = new Request(PAGE, { method: 'POST', headers: { 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' }, body: JSON.stringify({ token: TOKEN }) });
    expect((await handler(json)).status).toBe(400);
    expect(consume).not.toHaveBeenCalled();
  });

  it('answers other methods with 405 and the allowed ones', async () => {
    const { consume, handler } = handlerWith();
    const response = await handler(new Request(`${PAGE}?token=${TOKEN}`, { method: 'PUT', body: 'x' }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(consume).not.toHaveBeenCalled();
  });

  it('reads the token from the parameter given, and renders with the renderer given', async () => {
    const render = vi.fn(() => '<p>mine</p>');
    const { consume, handler } = handlerWith({ redirect: '/' }, { param: 't', render });
    expect(await (await handler(new Request(`${PAGE}?t=${TOKEN}`))).text()).toBe('<p>mine</p>');
    expect(render).toHaveBeenCalledWith({ state: 'confirm', form: { field: 't', token: TOKEN } });
    await handler(post({ 'Sec-Fetch-Site': 'same-origin' }, new URLSearchParams({ t: TOKEN })));
    expect(consume.mock.calls[0]?.[0]).toBe(TOKEN);
  });
});
