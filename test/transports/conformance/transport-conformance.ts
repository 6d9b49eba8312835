import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyError } from '../../../src/errors/classify-error.js';
import { type MailerError, isMailerError } from '../../../src/errors/mailer-error.js';
import type { SendStall } from '../../../src/testing/memory-transport.js';
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

/**
 * One transport under test, with a way to read what it delivered and to make its other end fail
 * or stall.
 */
export interface TransportFixture {
  transport: Transport;
  /** Everything delivered so far, oldest first; waits until there are at least `count`. */
  received(count: number): Promise<Delivered[]>;
  /**
   * Makes the other end fail the next send as a server does at RCPT TO: for good (`Rejected`,
   * a 550 reply) or for now (`Unavailable`, a 451 reply or a dropped connection).
   */
  failNextSend(failure: 'Rejected' | 'Unavailable'): void;
  /**
   * Makes the other end stop answering the next send once it is under way (an SMTP server holds
   * its reply to RCPT TO), until `release()`; a released server then accepts the message.
   */
  stallNextSend(): SendStall;
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
 * The failure a send rejected with, as the mailer reports it: a `MailerError` keeps its code,
 * anything else is classified (the contract lets a transport throw either).
 */
async function reportedFailure(sending: Promise<unknown>): Promise<MailerError> {
  const failure: unknown = await sending.then(
    () => {
      throw new Error('expected the send to reject');
    },
    (error: unknown) => error,
  );
  return classifyError(failure, { operation: 'send (conformance)' });
}

/**
 * The behaviour every transport shares: it delivers what it is given and verifies; a refused or
 * failed send, an aborted one (before or during the send) and a send after close each reject with
 * the right `MailerError` code and `retryable`, and deliver nothing.
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

    it('rejects a send whose signal is already aborted with a retryable Unavailable, and delivers nothing', async () => {
      const controller = new AbortController();
      controller.abort();
      expect(await reportedFailure(fixture.transport.send(plain, { signal: controller.signal }))).toMatchObject({
        code: 'Unavailable',
        retryable: true,
      });
      await fixture.transport.send(html, { signal: signal() });
      const delivered = await fixture.received(1);
      expect(delivered.map((message) => message.subject)).toEqual(['Reset your password']);
    });

    it('rejects a send aborted while under way with a retryable Unavailable, and never delivers it', async () => {
      const stall = fixture.stallNextSend();
      const controller = new AbortController();
      const sending = fixture.transport.send(plain, { signal: controller.signal });
      await stall.started;
      controller.abort();
      expect(await reportedFailure(sending)).toMatchObject({ code: 'Unavailable', retryable: true });
      // The other end answers again: a transport that went on with the aborted message would deliver it now.
      stall.release();
      await fixture.transport.send(html, { signal: signal() });
      await fixture.transport.close?.();
      const delivered = await fixture.received(1);
      expect(delivered.map((message) => message.subject)).toEqual(['Reset your password']);
    });

    it('rejects a send refused for good with Rejected (550), not retryable, and delivers the next one', async () => {
      fixture.failNextSend('Rejected');
      expect(await reportedFailure(fixture.transport.send(plain, { signal: signal() }))).toMatchObject({
        code: 'Rejected',
        retryable: false,
        responseCode: 550,
      });
      await fixture.transport.send(html, { signal: signal() });
      const delivered = await fixture.received(1);
      expect(delivered.map((message) => message.subject)).toEqual(['Reset your password']);
    });

    it('rejects a send that failed for now with a retryable Unavailable, and delivers the next one', async () => {
      fixture.failNextSend('Unavailable');
      expect(await reportedFailure(fixture.transport.send(plain, { signal: signal() }))).toMatchObject({
        code: 'Unavailable',
        retryable: true,
      });
      await fixture.transport.send(html, { signal: signal() });
      const delivered = await fixture.received(1);
      expect(delivered.map((message) => message.subject)).toEqual(['Reset your password']);
    });

    it('rejects sends with a Closed MailerError, not retryable, after close', async () => {
      await fixture.transport.send(plain, { signal: signal() });
      await fixture.transport.close?.();
      const failure: unknown = await fixture.transport.send(plain, { signal: signal() }).catch((error: unknown) => error);
      expect(isMailerError(failure) && { code: failure.code, retryable: failure.retryable }).toEqual({
        code: 'Closed',
        retryable: false,
      });
    });

    it('closes when it never sent anything', async () => {
      await expect(fixture.transport.close?.()).resolves.toBeUndefined();
    });
  });
}
