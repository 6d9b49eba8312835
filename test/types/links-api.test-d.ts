import { describe, expectTypeOf, it } from 'vitest';
import { createLinkConfirmHandler, type ConsumeResult, type LinkConfirmHandler } from '../../src/links/index.js';

describe('auth-mailer/links types', () => {
  it('is a Fetch API handler: Request in, Promise<Response> out', () => {
    expectTypeOf(createLinkConfirmHandler({ consume: () => false })).toEqualTypeOf<LinkConfirmHandler>();
    expectTypeOf<LinkConfirmHandler>().toEqualTypeOf<(request: Request) => Promise<Response>>();
  });

  it('takes a consume that answers a redirect, a Response or false, sync or async', () => {
    expectTypeOf<{ redirect: string }>().toMatchTypeOf<ConsumeResult>();
    expectTypeOf<Response>().toMatchTypeOf<ConsumeResult>();
    createLinkConfirmHandler({ consume: async () => ({ redirect: '/', headers: { 'Set-Cookie': 's=1' } }) });
    // @ts-expect-error: `true` says nothing about where to go.
    createLinkConfirmHandler({ consume: () => true });
  });
});
