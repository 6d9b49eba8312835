/**
 * The page an emailed link opens, safe from mail scanners: opening it shows a confirm button, and
 * only the person's click uses the token. Fetch API only (`Request` in, `Response` out).
 *
 * @module
 */
export { createLinkConfirmHandler } from './link-confirm-handler.js';
export type { ConsumeResult, LinkConfirmHandler, LinkConfirmOptions } from './link-confirm-handler.js';
export { renderConfirmPage } from './confirm-page.js';
export type { ConfirmForm, ConfirmView } from './confirm-view.js';
