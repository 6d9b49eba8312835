import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/create-mailer.js';
import { chromiumOrFail, launchChromium, openPage, scrollThrough, skipWithoutChromium } from '../helpers/chromium.js';
import { startCli, type RunningCli } from './run-cli-helper.js';

const SKIP = skipWithoutChromium('the browser tests of the auth-mailer dev inbox');
const ARTIFACTS = 'test-artifacts/inbox';


/** The text of every message frame on the page, once each has its HTML (given as it nears the viewport). */
async function frameTexts(page: Page): Promise<string[]> {
  await scrollThrough(page);
  const frames = page.locator('iframe.mail');
  await expect.poll(() => frames.evaluateAll((all) => all.filter((frame) => !frame.hasAttribute('srcdoc')).length)).toBe(0);
  const handles = await frames.elementHandles();
  const texts = () => Promise.all(handles.map(async (handle) => (await handle.contentFrame())?.locator('body').innerText() ?? ''));
  await expect.poll(async () => (await texts()).filter((text) => text === '').length).toBe(0);
  return texts();
}

describe.skipIf(SKIP)('the web inbox of auth-mailer dev and demo --serve, in headless Chromium', () => {
  let launched: Browser | undefined;
  let running: RunningCli | undefined;

  beforeAll(async () => {
    launched = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });
  afterAll(async () => {
    await launched?.close();
  });

  it('dev shows messages as its SMTP server receives them, live, each rendered', async () => {
    const browser = chromiumOrFail(launched);
    running = startCli(['dev']);
    const smtpPort = Number(await running.waitForOutput(/SMTP server on 127\.0\.0\.1:(\d+)/));
    const url = await running.waitForOutput(/Inbox at (http:\/\/127\.0\.0\.1:\d+\/)/);
    const { page, errors } = await openPage(browser, url);
    expect(await page.locator('article.message').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/dev-empty.png` });

    // The printed host and port are all a config needs.
    const mailer = createMailer({ host: '127.0.0.1', port: smtpPort, secure: false, fromEmail: 'Acme <no-reply@acme.example>' });
    try {
      await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '314159' } });
      await mailer.send({ to: 'bob@example.com', type: 'ForgotPassword', payload: { code: '271828', locale: 'ja' } });
    } finally {
      await mailer.close();
    }

    // No reload: the page fetches them.
    await expect.poll(() => page.locator('article.message').count(), { timeout: 15_000 }).toBe(2);
    expect(await page.locator('#count').textContent()).toBe('2');
    expect(await page.locator('.label').allTextContents()).toEqual([
      '#1 · MAIL FROM no-reply@acme.example · RCPT TO ada@example.com',
      '#2 · MAIL FROM no-reply@acme.example · RCPT TO bob@example.com',
    ]);
    expect(await page.locator('.text').nth(1).textContent()).toContain('271828');
    const texts = await frameTexts(page);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('314159');
    expect(texts[1]).toContain('271828');
    await page.screenshot({ path: `${ARTIFACTS}/dev.png` });

    await page.locator('#dark').check();
    await page.locator('#narrow').check();
    expect(await page.locator('iframe.mail').first().evaluate((frame) => frame.clientWidth)).toBe(375);
    await page.screenshot({ path: `${ARTIFACTS}/dev-dark-narrow.png` });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('demo --serve keeps running after its twelve sends, with them in the inbox', async () => {
    const browser = chromiumOrFail(launched);
    running = startCli(['demo', '--serve']);
    const url = await running.waitForOutput(/Inbox at (http:\/\/127\.0\.0\.1:\d+\/)/);
    const { page, errors } = await openPage(browser, url);
    expect(await page.locator('article.message').count()).toBe(12);
    // Six of the demo's templates are HTML; the other six are plain text.
    expect(await page.locator('iframe.mail').count()).toBe(6);
    expect((await frameTexts(page)).filter((text) => text.trim() === '')).toEqual([]);
    expect(await page.locator('.subject').allTextContents()).toContain('サインイン確認コード');
    await page.screenshot({ path: `${ARTIFACTS}/demo.png` });
    expect(errors).toEqual([]);
    await page.close();
    const result = await running.stop();
    running = undefined;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('12 of 12 messages delivered');
  }, 120_000);
});
