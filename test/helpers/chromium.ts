import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium, not a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether Chromium is installed here. */
export const CHROMIUM_INSTALLED = existsSync(CHROMIUM);

/**
 * Whether a suite that needs Chromium skips: only outside CI on a machine without it (with a
 * warning). Under CI=true a missing Chromium fails the tests instead, through {@link chromiumOrFail}.
 */
export function skipWithoutChromium(what: string): boolean {
  const skip = !CHROMIUM_INSTALLED && !process.env.CI;
  if (skip) console.warn(`Chromium is not installed: skipping ${what} (CI runs them).`);
  return skip;
}

/** Launches headless Chromium, or resolves with `undefined` when it is not installed. */
export async function launchChromium(): Promise<Browser | undefined> {
  if (!CHROMIUM_INSTALLED) return undefined;
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The launched browser, or an error telling CI to install Chromium (so each test fails rather than passes). */
export function chromiumOrFail(launched: Browser | undefined): Browser {
  if (launched === undefined) throw new Error(`Chromium is not installed at ${CHROMIUM}; CI must install it (apt-get install chromium, see .ci/run).`);
  return launched;
}

/**
 * Opens a page and collects what would show in its console as an error: console errors, uncaught
 * exceptions, and any dialog (a message's script that ran; the dialog is dismissed).
 *
 * @param browser - The launched browser.
 * @param url - The page to load.
 * @returns The loaded page and the errors seen, which keep growing while the page lives.
 */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    errors.push(`a message's script ran: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors };
}

/**
 * Scrolls the page to its end and back, a viewport at a time, pausing two animation frames at each
 * stop so that the page's IntersectionObserver sees every element pass.
 */
export async function scrollThrough(page: Page): Promise<void> {
  type Scrolling = {
    scrollTo(x: number, y: number): void;
    requestAnimationFrame(callback: () => void): number;
    innerHeight: number;
    document: { body: { scrollHeight: number } };
  };
  await page.evaluate(async () => {
    const view = globalThis as unknown as Scrolling;
    const settle = () => new Promise<void>((resolve) => view.requestAnimationFrame(() => view.requestAnimationFrame(resolve)));
    for (let y = 0; y < view.document.body.scrollHeight + view.innerHeight; y += view.innerHeight) {
      view.scrollTo(0, y);
      await settle();
    }
    view.scrollTo(0, 0);
    await settle();
  });
}
