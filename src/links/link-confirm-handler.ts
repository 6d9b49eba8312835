/**
 * The page an emailed link opens, as a Fetch API handler: opening it (GET, HEAD) changes nothing,
 * and only the person's click on its button (a same-origin POST) uses the token.
 *
 * @module
 */
import { renderConfirmPage } from './confirm-page.js';
import type { ConfirmView } from './confirm-view.js';
import { isSameOriginPost } from './same-origin-post.js';

/**
 * What `consume` answers:
 * - a `Response`, sent as it is (your page, your redirect, your cookies);
 * - `{ redirect, headers? }`: the token was good; a `303 See Other` to `redirect`, with your
 *   `headers` (a session cookie, say);
 * - `false`: the token is unknown, expired or already used; the `invalid` page is shown (status 410).
 */
export type ConsumeResult =
  | Response
  | {
      /** Where to send the person: a path or an absolute URL. */
      readonly redirect: string;
      /** Headers to add to the redirect, such as `Set-Cookie`. */
      readonly headers?: Headers | Record<string, string> | Array<[string, string]>;
    }
  | false;

/** Options of {@link createLinkConfirmHandler}. */
export interface LinkConfirmOptions {
  /**
   * Uses the token: signs the person in, verifies the address, accepts the invitation. Called only
   * for a same-origin POST from the confirm page, once per click; making a token single-use (so a
   * second click or a replayed POST answers `false`) is its job.
   *
   * @param token - The token from the link, as the form posted it back.
   * @param request - The POST, for its cookies or headers.
   * @returns What to answer; see {@link ConsumeResult}.
   */
  consume(token: string, request: Request): ConsumeResult | Promise<ConsumeResult>;
  /**
   * The query parameter of the emailed link that holds the token, also the name of the form's
   * hidden field.
   *
   * @default 'token'
   */
  param?: string;
  /**
   * Renders a page as a complete HTML document; the English default page when absent. The page is
   * served with a Content-Security-Policy that runs no script, whatever it holds.
   *
   * @param view - The state to show; `confirm` carries the form to include.
   * @returns The HTML document.
   */
  render?: (view: ConfirmView) => string;
  /**
   * Origins accepted in the `Origin` header of a POST besides the request URL's own: the public
   * origin when a proxy changes the host or scheme the handler sees. Browsers that send
   * `Sec-Fetch-Site` are checked by it instead.
   *
   * @default []
   */
  allowedOrigins?: readonly string[];
}

/** A Fetch API handler: Node (through an adapter), Hono, Next.js route handlers, Deno, Bun, workers. */
export type LinkConfirmHandler = (request: Request) => Promise<Response>;

// Sent with every page: nothing cached or indexed, no referrer (the URL holds the token), no script,
// no framing.
const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex, nofollow',
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
};

/**
 * Creates the handler of the page an emailed sign-in, verification or invitation link opens. Mail
 * security scanners (Microsoft Defender Safe Links, Mimecast, Proofpoint...) open links before the
 * person does, with HEAD and GET, following redirects and running scripts; a link that acts on GET
 * is used up by them. This handler acts only on a POST that the confirm page's button submits:
 * - `GET`: the confirm page, a form with the token and a button; no side effect, no script.
 * - `HEAD`: the same headers, no body.
 * - `POST`: a same-origin form post (checked with `Sec-Fetch-Site` or `Origin`) calls
 *   `consume(token)` and answers with its result; another site's POST gets 403 and consumes nothing.
 * - anything else: 405.
 *
 * Every page is sent with `Cache-Control: no-store`, `Referrer-Policy: no-referrer`, `noindex`, and
 * a Content-Security-Policy without scripts. See docs/links.md for the reasons.
 *
 * @param options - `consume`, and optionally the token parameter, the page renderer and the origins
 *   accepted behind a proxy.
 * @returns The handler, `(request: Request) => Promise<Response>`.
 * @example
 * ```ts
 * import { createLinkConfirmHandler } from 'auth-mailer/links';
 *
 * const handler = createLinkConfirmHandler({
 *   async consume(token) {
 *     const session = await signInWithMagicToken(token); // single use: null the second time
 *     return session ? { redirect: '/', headers: { 'Set-Cookie': session.cookie } } : false;
 *   },
 * });
 * // Next.js: app/auth/link/route.ts
 * export { handler as GET, handler as HEAD, handler as POST };
 * ```
 */
export function createLinkConfirmHandler(options: LinkConfirmOptions): LinkConfirmHandler {
  const param = options.param ?? 'token';
  const render = options.render ?? renderConfirmPage;
  const allowedOrigins = options.allowedOrigins ?? [];
  const page = (view: ConfirmView, status: number, head = false): Response =>
    new Response(head ? null : render(view), { status, headers: PAGE_HEADERS });

  return async (request) => {
    const url = new URL(request.url);
    switch (request.method) {
      case 'GET':
      case 'HEAD': {
        const token = url.searchParams.get(param);
        const view: ConfirmView = token
          ? { state: 'confirm', form: { field: param, token } }
          : { state: 'invalid' };
        return page(view, token ? 200 : 400, request.method === 'HEAD');
      }
      case 'POST': {
        if (!isSameOriginPost(request, allowedOrigins)) return page({ state: 'cross-site' }, 403);
        const token = await postedToken(request, param);
        if (!token) return page({ state: 'invalid' }, 400);
        return toResponse(await options.consume(token, request), page);
      }
      default:
        return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD, POST', 'Cache-Control': 'no-store' } });
    }
  };
}

async function postedToken(request: Request, param: string): Promise<string | undefined> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return undefined;
  const value = (await request.formData().catch(() => undefined))?.get(param);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function toResponse(result: ConsumeResult, page: (view: ConfirmView, status: number) => Response): Response {
  if (result === false) return page({ state: 'invalid' }, 410);
  // Told apart by shape, not `instanceof`: a framework may hand out its own Response class.
  if (!('redirect' in result) || typeof result.redirect !== 'string') return result as Response;
  const headers = new Headers(result.headers);
  headers.set('Location', result.redirect);
  headers.set('Cache-Control', 'no-store');
  headers.set('Referrer-Policy', 'no-referrer');
  return new Response(null, { status: 303, headers });
}
