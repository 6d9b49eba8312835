import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkConfirmHandler, type LinkConfirmHandler } from '../../src/links/index.js';
import { chromiumOrFail, launchChromium, skipWithoutChromium } from '../helpers/chromium.js';
import { serveFetchHandler, type FetchServer } from '../helpers/serve-fetch-handler.js';

// Debian's chromium, not a downloaded browser. Outside CI a machine without it skips; CI fails.
const SKIP = skipWithoutChromium('the scanner tests of the link page');

const TOKEN = 'tok_7f3a9c2e';

/** A single-use token store, the app's side of the contract: counts every successful use. */
function tokenStore() {
  const unused = new Set([TOKEN]);
  const store = {
    uses: 0,
    calls: 0,
    consume(token: string) {
      store.calls += 1;
      if (!unused.delete(token)) return false as const;
      store.uses += 1;
      return { redirect: '/welcome' };
    },
  };
  return store;
}

/**
 * The app: `/go` stands for a rewriting scanner's or a click tracker's redirect to the link, `/auth/link`
 * is the page under test, `/welcome` is where the app sends a signed-in person, and `/evil` is another
 * site's page that posts the token to the link page on its own.
 */
function app(linkPage: LinkConfirmHandler): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const html = (body: string) => new Response(body, { headers: { 'Content-Type': 'text/html' } });
    if (url.pathname === '/go') return Response.redirect(new URL(`/auth/link?token=${TOKEN}`, url), 302);
    if (url.pathname === '/welcome') return html('<h1>Signed in</h1>');
    if (url.pathname === '/evil') {
      const target = url.searchParams.get('target') ?? '';
      return html(
        `<form method="post" action="${target}"><input type="hidden" name="token" value="${TOKEN}"></form>` +
          '<script>document.forms[0].submit()</script>',
      );
    }
    return linkPage(request);
  };
}

/** What a mail scanner does with a link: HEAD, GET with redirects, then a real browser that runs scripts and clicks nothing. */
async function scan(browser: Browser, link: string): Promise<void> {
  await fetch(link, { method: 'HEAD', redirect: 'follow' });
  await (await fetch(link, { redirect: 'follow' })).text();
  const page = await browser.newPage();
  try {
    await page.goto(link, { waitUntil: 'networkidle' });
    // Whatever the page would do on its own (scripts, meta refresh, auto-submitted forms) is done by now.
    await page.waitForLoadState('networkidle');
  } finally {
    await page.close();
  }
}

async function clickContinue(page: Page): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Continue' }).click()]);
}

describe.skipIf(SKIP)('an emailed link served by createLinkConfirmHandler, opened in headless Chromium', () => {
  let launched: Browser | undefined;
  const servers: FetchServer[] = [];
  // Each test fails with this when Chromium is missing (under CI), so that CI counts the failures.
  const browserOrFail = (): Browser => chromiumOrFail(launched);

  beforeAll(async () => {
    launched = await launchChromium();
  });

  afterAll(async () => {
    await launched?.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  async function serve(handler: (request: Request) => Promise<Response>): Promise<string> {
    const server = await serveFetchHandler(handler);
    servers.push(server);
    return server.origin;
  }

  it('is never used up by a scanner: HEAD, GET, redirects followed, scripts run, nothing clicked', async () => {
    const browser = browserOrFail();
    const store = tokenStore();
    const origin = await serve(app(createLinkConfirmHandler({ consume: (token) => store.consume(token) })));

    await scan(browser, `${origin}/go`);
    await scan(browser, `${origin}/auth/link?token=${TOKEN}`);

    expect(store.calls).toBe(0);
    expect(store.uses).toBe(0);
  });

  it("is used by the person's click, once: going back and clicking again, the token is spent", async () => {
    const browser = browserOrFail();
    const store = tokenStore();
    const origin = await serve(app(createLinkConfirmHandler({ consume: (token) => store.consume(token) })));
    await scan(browser, `${origin}/go`);
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/go`);
      expect(await page.getByRole('heading').textContent()).toBe('Continue?');
      await clickContinue(page);
      expect(new URL(page.url()).pathname).toBe('/welcome');
      expect(store.uses).toBe(1);

      await page.goBack();
      await clickContinue(page);
      expect(await page.getByRole('heading').textContent()).toBe('This link cannot be used');
      expect(store.calls).toBe(2);
      expect(store.uses).toBe(1);
    } finally {
      await page.close();
    }
  });

  it("is not used by another site's page that posts the token on its own", async () => {
    const browser = browserOrFail();
    const store = tokenStore();
    const origin = await serve(app(createLinkConfirmHandler({ consume: (token) => store.consume(token) })));
    // localhost and 127.0.0.1 are different sites to the browser.
    const attacker = origin.replace('127.0.0.1', 'localhost');
    const page = await browser.newPage();
    try {
      await Promise.all([page.waitForURL(/\/auth\/link/), page.goto(`${attacker}/evil?target=${encodeURIComponent(`${origin}/auth/link`)}`)]);
      expect(await page.getByRole('heading').textContent()).toBe('Open the link from your email');
      expect(store.calls).toBe(0);
    } finally {
      await page.close();
    }
  });

  // The scanner is real: a link page that acts on GET, or that clicks for the person with a script,
  // is used up by the same scan.
  it.each([
    ['uses the token on GET', (consume: (token: string) => unknown) => async (request: Request) => {
      consume(new URL(request.url).searchParams.get('token') ?? '');
      return new Response('<h1>Signed in</h1>', { headers: { 'Content-Type': 'text/html' } });
    }],
    ['submits its confirm form with a script', (consume: (token: string) => unknown) => {
      const confirm = createLinkConfirmHandler({ consume: (token) => (consume(token), false) });
      return async (request: Request) => {
        if (request.method !== 'GET') return confirm(request);
        const page = await (await confirm(request)).text();
        return new Response(page.replace('</form>', '</form><script>document.forms[0].submit()</script>'), {
          headers: { 'Content-Type': 'text/html' },
        });
      };
    }],
  ])('catches a link page that %s', async (_name, naivePage) => {
    const browser = browserOrFail();
    const store = tokenStore();
    const origin = await serve(app(naivePage((token) => store.consume(token))));
    await scan(browser, `${origin}/go`);
    expect(store.uses).toBe(1);
  });
});
