/**
 * The colours of the default templates in light and dark mode. Each foreground keeps a contrast
 * ratio of at least 4.5 against its background (WCAG AA) in both schemes; the HTML layout writes
 * the light ones inline and the dark ones in a `prefers-color-scheme: dark` rule.
 *
 * @module
 */

/** The colours of one scheme. */
export interface ColorScheme {
  /** The page background. */
  page: string;
  /** Body text. */
  text: string;
  /** The footer and the link written out. */
  muted: string;
  /** The code's box. */
  codeBackground: string;
  /** The code. */
  code: string;
  /** The code box's border and the rule above the footer. */
  border: string;
  /** The button. */
  buttonBackground: string;
  /** The button's label. */
  button: string;
}

/** Light mode: what every client shows when it does not ask for dark. */
export const LIGHT_SCHEME: ColorScheme = {
  page: '#ffffff',
  text: '#1f2328',
  muted: '#57606a',
  codeBackground: '#f6f8fa',
  code: '#1f2328',
  border: '#d0d7de',
  buttonBackground: '#0b57d0',
  button: '#ffffff',
};

/** Dark mode, for clients that honour `prefers-color-scheme` (Apple Mail, Outlook for Mac, iOS). */
export const DARK_SCHEME: ColorScheme = {
  page: '#0d1117',
  text: '#e6edf3',
  muted: '#9198a1',
  codeBackground: '#161b22',
  code: '#f0f6fc',
  border: '#30363d',
  buttonBackground: '#a8c7fa',
  button: '#062e6f',
};
