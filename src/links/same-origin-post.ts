/**
 * Tells a POST made by the confirm page itself from one made by another site.
 *
 * @module
 */

/**
 * Whether a POST comes from a page of the same origin, as the browser reports it: `Sec-Fetch-Site:
 * same-origin` when the browser sends fetch metadata; otherwise an `Origin` header equal to the
 * request's origin or one of `allowedOrigins`. A request with neither header is refused: every
 * browser that submits a form sends one of them.
 *
 * @param request - The POST.
 * @param allowedOrigins - Origins also accepted in `Origin` (the public origin behind a proxy).
 * @returns Whether the request may consume a token.
 */
export function isSameOriginPost(request: Request, allowedOrigins: readonly string[]): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin';
  const origin = request.headers.get('origin');
  if (origin === null || origin === 'null') return false;
  return origin === new URL(request.url).origin || allowedOrigins.includes(origin);
}
