/**
 * `redactRecipients: true`: a recipient's address (and display name) is personal data that must
 * not reach logs through errors. Every failure path a send can take is driven (SMTP faults on real
 * peers, a server reply quoting the address, the rate limit and its store, custom transports,
 * aborts, a deadline passed in the queue, invalid recipients, render) and every rendering of every
 * error scanned for the address. The same paths without the option show it, so the scan can fail.
 */
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

import { createMailer, MailerError, type Mailer, type MailerOptions, type SendRequest } from '../../src/index.js';
import { startSmtpSink, type SmtpSink } from '../../src/testing/index.js';
import { caseConfig, FAST_RETRY, FAULT_CASES } from '../faults/fault-cases.js';
import { expectNoUnhandledRejections } from '../faults/send-outcome.js';
import { failureOf } from '../helpers/failure-of.js';
import { logtoTemplates } from '../helpers/logto-config.js';

const ADDRESS = 'ada.lovelace@example.com';
const TO = `Ada Lovelace <${ADDRESS}>`;
/** What must never show, in any case: the local part, and the display name's surname. */
const PERSONAL = ['ada.lovelace', 'lovelace', 'ada%2elovelace'];
const MASKED = 'a***@example.com';
const AUTH = { user: 'mailer', pass: 'a-password-1' };
const request: SendRequest = { to: TO, type: 'SignIn', payload: { code: '123456' } };

const cleanups: Array<() => Promise<void>> = [];
expectNoUnhandledRejections();
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** Every rendering of a failure a user might log: String, message, stack, JSON, full inspect, each cause. */
function renderingsOf(error: MailerError): string[] {
  const renderings = [String(error), inspect(error, { depth: Infinity, showHidden: true }), JSON.stringify(error), error.hint ?? ''];
  renderings.push(...(error.issues ?? []).map((issue) => `${issue.path}: ${issue.message}`));
  for (let cause: unknown = error; cause !== undefined && cause !== null; cause = (cause as { cause?: unknown }).cause) {
    const link = cause as Error;
    renderings.push(String(link.message), String(link.stack), JSON.stringify(link), inspect(link, { showHidden: true }));
  }
  return renderings;
}

/** The personal data found in the renderings of `errors`. */
function leaks(errors: readonly MailerError[]): string[] {
  const shown = errors.flatMap(renderingsOf).join('\n').toLowerCase();
  return PERSONAL.filter((word) => shown.includes(word));
}

/** A sink demanding AUTH whose replies quote the address they refuse, as real servers do. */
async function quotingSink(code: number): Promise<SmtpSink> {
  const sink = await startSmtpSink({
    authenticate: AUTH,
    onRcptTo: (address) => ({ code, message: `5.1.1 <${address.toUpperCase()}>: Recipient address rejected: User unknown (${address})` }),
  });
  cleanups.push(() => sink.close());
  return sink;
}

function mailerOn(sink: SmtpSink, options: MailerOptions): Mailer {
  const mailer = createMailer({ ...sink.config, fromEmail: 'Acme <no-reply@acme.test>', templates: logtoTemplates() }, { retry: FAST_RETRY, ...options });
  cleanups.push(() => mailer.close());
  return mailer;
}

/** A mailer whose transport throws what `fail` returns for each message. */
function mailerThrowing(fail: (to: string) => unknown, options: MailerOptions): Mailer {
  const mailer = createMailer(
    { host: 'smtp.example.com', fromEmail: 'Acme <no-reply@acme.test>', templates: logtoTemplates() },
    { retry: { attempts: 1 }, ...options, transport: { send: async (message) => Promise.reject(fail(message.to)) } },
  );
  cleanups.push(() => mailer.close());
  return mailer;
}

/** The errors of every failure path that needs no SMTP peer, under `options`. */
async function offlineFailures(options: MailerOptions): Promise<MailerError[]> {
  const errors: MailerError[] = [];
  // Invalid recipients: a list, a stray bracket, a line break; in send and render.
  const anyMailer = mailerThrowing(() => new Error('unused'), options);
  for (const to of [`${TO}, Bob <bob@example.com>`, `Ada Lovelace <${ADDRESS}`, `${ADDRESS}\nBcc: x@y.z`]) {
    errors.push(await failureOf(anyMailer.send({ ...request, to })), await failureOf(anyMailer.render({ ...request, to })));
  }
  // A render that misses a variable, with a recipient.
  errors.push(await failureOf(anyMailer.render({ to: TO, type: 'SignIn', payload: {} })));
  // A transport's plain error quoting the To header, and its MailerError with issues and a cause chain.
  errors.push(await failureOf(mailerThrowing((to) => new Error(`HTTP 422: invalid "to": ${to}`), options).send(request)));
  const thrown = (to: string) =>
    new MailerError('Rejected', `the API refused ${to}`, {
      hint: `check ${ADDRESS}`,
      issues: [{ path: `to[${ADDRESS}]`, message: `${to} bounced` }],
      cause: new Error(`bounce for ${ADDRESS}`, { cause: Object.assign(new Error(`${encodeURIComponent(ADDRESS)} suppressed`), { code: 'E_SUPPRESSED' }) }),
    });
  errors.push(await failureOf(mailerThrowing(thrown, options).send(request)));
  // The rate limit: a refusal, and a store that fails quoting its key.
  const limited = mailerThrowing(() => undefined, { ...options, rateLimit: { limit: 1, window: 60_000 } });
  await limited.send(request).catch(() => undefined);
  errors.push(await failureOf(limited.send(request)));
  const failingStore = { hit: async (key: string) => Promise.reject(new Error(`READONLY cannot write ${key}`)) };
  errors.push(await failureOf(mailerThrowing(() => undefined, { ...options, rateLimit: { limit: 1, window: 60_000, store: failingStore } }).send(request)));
  // An abort before the send, and one while the transport works.
  const aborted = mailerThrowing(() => undefined, options);
  errors.push(await failureOf(aborted.send(request, { signal: AbortSignal.abort() })));
  const controller = new AbortController();
  const stalled = createMailer(
    { host: 'smtp.example.com', fromEmail: 'Acme <no-reply@acme.test>' },
    { ...options, maxInFlight: 1, retry: { attempts: 1, deadline: 200 }, transport: { send: (_message, { signal }) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason))) } },
  );
  cleanups.push(() => stalled.close());
  const running = stalled.send(request, { signal: controller.signal });
  // Queued behind the running send until its deadline passes.
  const queued = stalled.send(request);
  errors.push(await failureOf(queued));
  controller.abort();
  errors.push(await failureOf(running));
  return errors;
}

describe('redactRecipients', () => {
  it('masks the address in every error of every SMTP fault, and in a server reply quoting it', async () => {
    const errors: MailerError[] = [];
    for (const faultCase of FAULT_CASES) {
      const peer = await faultCase.start(AUTH);
      cleanups.push(() => peer.close());
      const mailer = createMailer(caseConfig(peer, AUTH), { retry: FAST_RETRY, redactRecipients: true });
      cleanups.push(() => mailer.close());
      const failed = await mailer.send(request).then(
        () => undefined,
        (error: unknown) => error as MailerError,
      );
      if (failed !== undefined) errors.push(failed);
    }
    expect(errors.length).toBeGreaterThan(5);
    for (const code of [550, 451]) {
      const error = await failureOf(mailerOn(await quotingSink(code), { redactRecipients: true }).send(request));
      expect(error.message).toContain(`<A***@EXAMPLE.COM>: Recipient address rejected`);
      expect(error.message).toContain(`send SignIn to ${MASKED} failed`);
      errors.push(error);
    }
    expect(leaks(errors)).toEqual([]);
  });

  it('masks it on every path that needs no SMTP peer: recipients, transports, rate limits, aborts, the queue', async () => {
    const errors = await offlineFailures({ redactRecipients: true });
    expect(leaks(errors)).toEqual([]);
    expect(errors.map((error) => error.code)).toEqual(expect.arrayContaining(['InvalidRecipient', 'MissingVariable', 'Rejected', 'RateLimited', 'Unavailable']));
    expect(errors[0]?.message).toBe('the recipient (not shown: redactRecipients) holds more than one address; pass exactly one address per send [InvalidRecipient]');
    const rateLimited = errors.find((error) => error.code === 'RateLimited');
    expect(rateLimited?.message).toContain(`Refused to send SignIn mail to ${MASKED}:`);
  });

  it('is needed: without it, the same paths show the address', async () => {
    const offline = await offlineFailures({});
    expect(leaks(offline)).toEqual(PERSONAL.slice(0, 2));
    const error = await failureOf(mailerOn(await quotingSink(550), {}).send(request));
    expect(leaks([error])).toEqual(PERSONAL.slice(0, 2));
  });

  it('is refused unless a boolean, and suggested for a misspelling', () => {
    expect(() => createMailer({ host: 'smtp.example.com', fromEmail: 'a@example.com' }, { redactRecipient: true } as never)).toThrow(
      /redactRecipient: unknown key `redactRecipient`; did you mean `redactRecipients`\?/,
    );
  });
});
