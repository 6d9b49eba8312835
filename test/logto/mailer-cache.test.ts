import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMailer, isMailerError } from '../../src/index.js';
import { createConfigKeyer } from '../../src/logto/config-key.js';
import { createMailerCache } from '../../src/logto/mailer-cache.js';
import { MemoryTransport } from '../../src/testing/index.js';
import { leakedSecrets } from '../helpers/leaked-secrets.js';

const PASSWORD = 'Pw-7fQ2xLm9Rz4K';
const config = (extra: Record<string, unknown> = {}) => ({
  host: 'smtp.acme.test',
  port: 587,
  auth: { type: 'login', user: 'mailer', pass: PASSWORD },
  fromEmail: 'no-reply@acme.test',
  ...extra,
});

describe('the config key', () => {
  it('is 64 hex digits that hold no part of the password', () => {
    const key = createConfigKeyer()(config());
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(leakedSecrets(key, { password: PASSWORD, user: 'mailer' }, { window: 3 })).toEqual([]);
  });

  it('is keyed by a random per-process secret: not a plain hash of the config, and another keyer names it differently', () => {
    const json = JSON.stringify(config());
    const key = createConfigKeyer()(config());
    expect(key).not.toBe(createHash('sha256').update(json).digest('hex'));
    expect(createConfigKeyer()(config())).not.toBe(key);
  });

  it('names equal configs alike whatever the key order, and tells apart any change, a password included', () => {
    const keyOf = createConfigKeyer();
    const reordered = { fromEmail: 'no-reply@acme.test', auth: { pass: PASSWORD, user: 'mailer', type: 'login' }, port: 587, host: 'smtp.acme.test' };
    expect(keyOf(reordered)).toBe(keyOf(config()));
    expect(keyOf(config({ auth: { type: 'login', user: 'mailer', pass: `${PASSWORD}!` } }))).not.toBe(keyOf(config()));
    expect(keyOf(config({ port: 465 }))).not.toBe(keyOf(config()));
  });

  it('refuses a config that is not JSON data with InvalidConfig', () => {
    const cyclic: Record<string, unknown> = config();
    cyclic.self = cyclic;
    const error = (() => {
      try {
        createConfigKeyer()(cyclic);
      } catch (caught) {
        return caught;
      }
    })();
    expect(isMailerError(error) && error.code).toBe('InvalidConfig');
  });
});

describe('the mailer cache', () => {
  function mailerOf(transports: MemoryTransport[]) {
    return (input: Record<string, unknown>) => () => {
      const transport = new MemoryTransport();
      transports.push(transport);
      return createMailer(input, { transport });
    };
  }

  it('reuses the mailer of an equal config, and closes the least recently used one past its size', async () => {
    const transports: MemoryTransport[] = [];
    const create = mailerOf(transports);
    const cache = createMailerCache(2, () => undefined);
    const [a, b, c] = [config(), config({ port: 2525 }), config({ port: 465 })];
    const first = cache.mailerFor(a, '', create(a));
    expect(cache.mailerFor(structuredClone(a), '', create(a))).toBe(first);
    cache.mailerFor(b, '', create(b));
    cache.mailerFor(a, '', create(a)); // a is now the most recently used
    cache.mailerFor(c, '', create(c));
    await expect.poll(() => transports.map((transport) => transport.closed)).toEqual([false, true, false]);
    expect(cache.size).toBe(2);
    await cache.close();
    expect(transports.map((transport) => transport.closed)).toEqual([true, true, true]);
  });

  it('keeps apart equal configs of two scopes', () => {
    const transports: MemoryTransport[] = [];
    const cache = createMailerCache(2, () => undefined);
    const one = cache.mailerFor(config(), '1', mailerOf(transports)(config()));
    expect(cache.mailerFor(config(), '2', mailerOf(transports)(config()))).not.toBe(one);
    return cache.close();
  });

  it('keeps nothing when creating the mailer fails', () => {
    const cache = createMailerCache(1, () => undefined);
    expect(() => cache.mailerFor({ host: 1 }, '', () => createMailer({ host: 1 } as unknown))).toThrow(/Invalid mailer config/);
    expect(cache.size).toBe(0);
  });

  it('tells onCloseError when a replaced mailer fails to close, and goes on', async () => {
    const failures: unknown[] = [];
    const cache = createMailerCache(1, (error) => failures.push(error));
    const broken = new MemoryTransport();
    broken.close = () => Promise.reject(new Error('close failed'));
    cache.mailerFor(config(), '', () => createMailer(config(), { transport: broken }));
    cache.mailerFor(config({ port: 2525 }), '', () => createMailer(config({ port: 2525 }), { transport: new MemoryTransport() }));
    await expect.poll(() => failures.length).toBe(1);
    await cache.close();
  });
});
