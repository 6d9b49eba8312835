import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMailer } from '../../src/index.js';
import { MemoryTransport } from '../../src/testing/index.js';

const config = {
  host: 'smtp.example.com',
  fromEmail: 'no-reply@example.com',
  templates: [{ usageType: 'SignIn', contentType: 'text/plain', subject: 'Your code', content: 'Code: {{code}}' }],
};

/** The symbol esbuild's `await using` helper looks for where `Symbol.asyncDispose` is missing. */
const FALLBACK = Symbol.for('Symbol.asyncDispose');
const RealSymbol = Symbol;

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('await using', () => {
  it('closes the mailer at the end of the block', async () => {
    const transport = new MemoryTransport();
    {
      await using mailer = createMailer(config, { transport });
      await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1' } });
    }
    expect(transport.closed).toBe(true);
    expect(transport.messages).toHaveLength(1);
  });

  it('still works on Node 20 releases without Symbol.asyncDispose (before 20.4)', async () => {
    // A global Symbol without asyncDispose, as on Node 20.0 to 20.3, for modules evaluated afresh.
    const withoutAsyncDispose = new Proxy(function () {}, {
      get: (_target, key) => (key === 'asyncDispose' ? undefined : Reflect.get(RealSymbol, key)),
      apply: (_target, _this, args: [string?]) => RealSymbol(...args),
    });
    vi.stubGlobal('Symbol', withoutAsyncDispose);
    vi.resetModules();
    const { Mailer } = await import('../../src/mailer.js');
    const { startSmtpSink } = await import('../../src/testing/index.js');
    expect(Object.getOwnPropertyNames(Mailer.prototype)).not.toContain('undefined');
    expect(typeof (Mailer.prototype as unknown as Record<symbol, unknown>)[FALLBACK]).toBe('function');
    const sink = await startSmtpSink();
    try {
      expect(Object.keys(sink)).not.toContain('undefined');
      expect(typeof (sink as unknown as Record<symbol, unknown>)[FALLBACK]).toBe('function');
    } finally {
      await sink.close();
    }
  });
});
