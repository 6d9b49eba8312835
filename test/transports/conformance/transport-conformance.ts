import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isMailerError } from '../../../src/errors/mailer-error.js';
import type { MailMessage, Transport } from '../../../src/types/transport.js';

/** A message as the receiving end saw it, normalized across transports. */
export interface Delivered {
  from?: string;
  to?: string;
  replyTo?: string;
  subject?: string;
  text?: string;
  html?: string;
  /** Header values by lowercase name. */
  headers: Record<string, string>;
}

/** One transport under test, with a way to read what it delivered. */
export interface TransportFixture {
  transport: Transport;
  /** Everything delivered so far, oldest first. */
  received(count: number): Promise<Delivered[]>;
  /** Releases the fixture (servers); the transport is closed by the suite. */
  teardown(): Promise<void>;
}

const plain: MailMessage = {
  from: 'Acme <no-reply@example.com>',
  to: 'Ada Lovelace <ada@example.com>',
  replyTo: 'support@example.com',
  subject: 'Your sign-in code',
  text: 'Your code is 123456.',
  headers: { 'X-Request-Id': 'req-42' },
  usageType: 'SignIn',
};

const html: MailMessage = {
  from: 'no-reply@example.com',
  to: 'grace@example.com',
  subject: 'Reset your password',
  text: 'Reset: https://example.com/reset?t=abc',
  html: '<p>Reset: <a href="https://example.com/reset?t=abc">link</a></p>',
  usageType: 'ForgotPassword',
  locale: 'en',
};

/**
 * The behaviour every transport shares: it delivers what it is given, verifies, refuses to send
 * after close and when the signal is already aborted.
 *
 * @param name - The transport's name, for the suite title.
 * @param factory - Creates a fresh fixture per test.
 */
export function runTransportConformance(name: string, factory: () => Promise<TransportFixture>): void {
  describe(`${name} transport conformance`, () => {
    let fixture: TransportFixture;
    const signal = (): AbortSignal => new AbortController().signal;

    beforeEach(async () => {
      fixture = await factory();
    });
    afterEach(async () => {
      await fixture.transport.close?.();
      await fixture.teardown();
    });

    it('delivers a plain-text message with its from, to, reply-to, subject, text and custom headers', async () => {
      const result = await fixture.transport.send(plain, { signal: signal() });
      expect(result.messageId).toMatch(/\S/);
      expect(result.accepted).toEqual(['ada@example.com']);
      const [delivered] = await fixture.received(1);
      expect(delivered).toMatchObject({
        from: 'Acme <no-reply@example.com>',
        to: 'Ada Lovelace <ada@example.com>',
        replyTo: 'support@example.com',
        subject: 'Your sign-in code',
      });
      expect(delivered?.text?.trim()).toBe('Your code is 123456.');
      expect(delivered?.html).toBeUndefined();
      expect(delivered?.headers['x-request-id']).toBe('req-42');
    });

    it('delivers an HTML message together with its text alternative', async () => {
      await fixture.transport.send(html, { signal: signal() });
      const [delivered] = await fixture.received(1);
      expect(delivered?.subject).toBe('Reset your password');
      expect(delivered?.html?.trim()).toBe(html.html);
      expect(delivered?.text?.trim()).toBe(html.text);
    });

    it('delivers several messages in order', async () => {
      await fixture.transport.send(plain, { signal: signal() });
      await fixture.transport.send(html, { signal: signal() });
      const delivered = await fixture.received(2);
      expect(delivered.map((message) => message.subject)).toEqual(['Your sign-in code', 'Reset your password']);
    });

    it('verifies', async () => {
      await expect(fixture.transport.verify?.()).resolves.toBeUndefined();
    });

    it('rejects a send whose signal is already aborted, and delivers nothing', async () => {
      const controller = new AbortController();
      controller.abort();
      await expect(fixture.transport.send(plain, { signal: controller.signal })).rejects.toBeDefined();
      await fixture.transport.send(html, { signal: signal() });
      const delivered = await fixture.received(1);
      expect(delivered.map((message) => message.subject)).toEqual(['Reset your password']);
    });

    it('rejects sends with a Closed MailerError after close', async () => {
      await fixture.transport.send(plain, { signal: signal() });
      await fixture.transport.close?.();
      const failure: unknown = await fixture.transport.send(plain, { signal: signal() }).catch((error: unknown) => error);
      expect(isMailerError(failure) && failure.code).toBe('Closed');
    });

    it('closes when it never sent anything', async () => {
      await expect(fixture.transport.close?.()).resolves.toBeUndefined();
    });
  });
}
