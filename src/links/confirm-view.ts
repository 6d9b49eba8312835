/**
 * What the confirm page shows: the states a link's page can be in, as plain data a renderer turns
 * into HTML.
 *
 * @module
 */

/**
 * The form that confirms the link: a POST of one hidden field, submitted by the person's click. It
 * has no `action`, so the browser posts it to the page's own URL as the browser sees it, whatever
 * path prefix or host a proxy put in front of the handler.
 */
export interface ConfirmForm {
  /** The name of the hidden field that carries the token. */
  readonly field: string;
  /** The token, to be HTML-escaped into the hidden field's value. */
  readonly token: string;
}

/**
 * One state of the page an emailed link opens:
 * - `confirm`: the link was opened (GET); nothing happened yet; a button asks the person to go on.
 * - `invalid`: the link has no token, or `consume` refused it (unknown, expired, already used).
 * - `cross-site`: a POST that did not come from the confirm page itself; nothing was consumed.
 */
export type ConfirmView =
  | {
      /** The link was opened; nothing happened yet. */
      readonly state: 'confirm';
      /** The form to show, whose button confirms. */
      readonly form: ConfirmForm;
    }
  | {
      /** No token, or `consume` refused it. */
      readonly state: 'invalid';
    }
  | {
      /** A POST from another page; nothing was consumed. */
      readonly state: 'cross-site';
    };
