import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrFail, launchChromium, openPage, scrollThrough, skipWithoutChromium } from '../helpers/chromium.js';
import { startCli, tempDir, writeConfig, type RunningCli } from './run-cli-helper.js';

const SKIP = skipWithoutChromium('the browser tests of auth-mailer preview');
const ARTIFACTS = 'test-artifacts/preview';


describe.skipIf(SKIP)('auth-mailer preview, in headless Chromium', () => {
  let launched: Browser | undefined;
  let running: RunningCli | undefined;
  let cleanup: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    launched = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterEach(async () => {
    await running?.stop();
    await cleanup?.();
  });
  afterAll(async () => {
    await launched?.close();
  });

  it('shows every usage type in every locale, each rendered, and its toggles change the frames', async () => {
    const browser = chromiumOrFail(launched);
    const dir = await tempDir();
    cleanup = dir.cleanup;
    const file = await writeConfig(dir.path, {
      host: '127.0.0.1',
      port: 2525,
      fromEmail: 'Acme <no-reply@acme.example>',
      auth: { user: 'no-reply@acme.example', pass: 'pr3view-Secret!' },
      templates: [
        // A usage type of the config's own, whose HTML tries to run a script.
        { usageType: 'Welcome', contentType: 'text/html', subject: 'Welcome to {{organizationName}}', content: '<p>Welcome, code {{code}}</p><script>alert("ran")</script>' },
        // A locale only the config has.
        { usageType: 'SignIn', locale: 'fr-CA', contentType: 'text/html', subject: 'Votre code', content: '<p>Code : {{code}}</p>' },
      ],
    });
    running = startCli(['preview', file]);
    const url = await running.waitForOutput(/at (http:\/\/127\.0\.0\.1:\d+\/)/);
    const intro = /(\d+) usage types × (\d+) locales/;
    const { page, errors } = await openPage(browser, url);

    const [, types, locales] = intro.exec((await page.locator('header p').textContent()) ?? '') ?? [];
    expect(Number(types)).toBe(13);
    // fr-CA, the built-in languages and the template without a locale.
    expect(Number(locales)).toBeGreaterThanOrEqual(21);
    const expected = Number(types) * Number(locales);
    expect(await page.locator('article.message').count()).toBe(expected);
    expect(await page.locator('article.failed').count()).toBe(0);
    const frames = page.locator('iframe.mail');
    expect(await frames.count()).toBe(expected);
    expect(await page.content()).not.toContain('pr3view-Secret!');

    // A frame gets its HTML as it nears the viewport: the page loaded before the last one did.
    expect(await frames.last().getAttribute('srcdoc')).toBeNull();
    // Every frame holds its message once scrolled past: text on a laid-out page, and the code.
    await scrollThrough(page);
    await expect.poll(() => frames.evaluateAll((all) => all.filter((frame) => !frame.hasAttribute('srcdoc')).length)).toBe(0);
    const handles = await frames.elementHandles();
    const withoutCode = async () => {
      const bodies = await Promise.all(handles.map(async (handle) => (await handle.contentFrame())?.locator('body').innerText() ?? ''));
      return bodies.filter((text) => !text.includes('123456'));
    };
    await expect.poll(withoutCode, { timeout: 60_000 }).toEqual([]);
    const card = (label: RegExp) => page.locator('article').filter({ has: page.locator('.label', { hasText: label }) });
    expect(await card(/^Welcome · no locale → template Welcome · no locale$/).locator('.subject').textContent()).toBe('Welcome to Acme');
    expect(await card(/^SignIn · fr-CA → template SignIn · fr-CA$/).locator('.text').textContent()).toContain('Code : 123456');
    expect(await card(/^SignIn · ja → template SignIn · ja$/).locator('.subject').textContent()).toMatch(/サインイン/);
    await page.screenshot({ path: `${ARTIFACTS}/light.png` });

    const first = frames.first();
    // The test's tsconfig has no DOM types: the browser's getComputedStyle, typed for what is read here.
    type Computed = { getComputedStyle(element: unknown): { colorScheme: string; backgroundColor: string } };
    const look = () =>
      first.evaluate((frame) => ({ scheme: (globalThis as unknown as Computed).getComputedStyle(frame).colorScheme, width: frame.clientWidth }));
    // The built-in templates' background: light inline, dark in their prefers-color-scheme rule.
    const background = () => first.contentFrame().locator('body').evaluate((body) => (globalThis as unknown as Computed).getComputedStyle(body).backgroundColor);
    expect(await look()).toMatchObject({ scheme: 'light' });
    const light = await background();
    await page.locator('#dark').check();
    expect((await look()).scheme).toBe('dark');
    await expect.poll(background).not.toBe(light);
    await page.screenshot({ path: `${ARTIFACTS}/dark.png` });
    await page.locator('#narrow').check();
    expect((await look()).width).toBe(375);
    await page.screenshot({ path: `${ARTIFACTS}/dark-narrow.png` });
    await page.locator('#dark').uncheck();
    expect((await look()).scheme).toBe('light');
    await expect.poll(background).toBe(light);
    await page.screenshot({ path: `${ARTIFACTS}/narrow.png` });

    // The one error is Chromium's report that the sandbox stopped the Welcome template's script.
    const blocked = (text: string) => text.startsWith("Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed");
    expect(errors.filter((text) => !blocked(text))).toEqual([]);
    expect(errors.filter(blocked).length).toBeGreaterThan(0);
    await page.close();
  }, 240_000);
});
