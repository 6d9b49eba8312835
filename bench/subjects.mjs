// The three things the throughput bench compares, each used as a user would: results are read.
import { performance } from 'node:perf_hooks';
import createSmtpConnector from '@logto/connector-smtp';
import { createMailer } from 'auth-mailer';
import nodemailer from 'nodemailer';
import { logtoConfig, mailerConfig, nodemailerPoolOptions, payloadFor, TO } from './fixture.mjs';

// Reading each messageId (not just holding the object) is what a caller that logs it does.
let checksum = 0;
const use = (messageId) => {
  checksum = (checksum + messageId.length + messageId.charCodeAt(messageId.length >> 1)) | 0;
};

/** Keeps the checksum observable so no engine can drop the reads. */
export const readChecksum = () => checksum;

/** (a) auth-mailer's `send()` with its default (pooled SMTP) transport. */
export function createAuthMailerSubject(port, extra = {}) {
  const mailer = createMailer(mailerConfig(port, extra));
  return {
    name: 'auth-mailer send()',
    mailer,
    /** Starts one send and returns its promise untouched, for the memory bench. */
    fire: (i) => mailer.send({ to: TO, type: 'SignIn', payload: payloadFor(i) }),
    async send(i) {
      const result = await mailer.send({ to: TO, type: 'SignIn', payload: payloadFor(i) });
      use(result.messageId);
    },
    close: () => mailer.close(),
  };
}

// (b) sends distinct messages, as (a) does: one identical message sent over and over lets V8's
// string and regexp caches make nodemailer's encoding cheaper than it is for real traffic.
const DISTINCT_MESSAGES = 1024;

/**
 * (b) nodemailer's pooled `sendMail` of the messages auth-mailer renders, rendered up front (1,024
 * distinct payloads, cycled): the floor auth-mailer wraps.
 */
export async function createNodemailerPoolSubject(port, extra = {}) {
  const renderer = createMailer(mailerConfig(port));
  const messages = [];
  for (let i = 0; i < DISTINCT_MESSAGES; i += 1) {
    const { from, to, subject, text, html, headers } = await renderer.render({ to: TO, type: 'SignIn', payload: payloadFor(i) });
    messages.push({ from, to, subject, text, html, headers: { ...headers } });
  }
  await renderer.close();
  const transport = nodemailer.createTransport(nodemailerPoolOptions(port, extra));
  const mail = (i) => {
    const message = messages[i % DISTINCT_MESSAGES];
    return transport.sendMail({ ...message, headers: { ...message.headers } });
  };
  return {
    name: 'nodemailer pool sendMail',
    /** Starts one send and returns its promise untouched, for the memory bench. */
    fire: (i) => mail(i),
    async send(i) {
      const info = await mail(i);
      use(info.messageId);
    },
    close: async () => transport.close(),
  };
}

/** (c) the published `@logto/connector-smtp` `sendMessage()`: a new nodemailer 8 transport per message. */
export async function createLogtoSubject(port) {
  const config = logtoConfig(port);
  const connector = await createSmtpConnector({ getConfig: async () => config });
  return {
    name: '@logto/connector-smtp sendMessage()',
    async send(i) {
      const info = await connector.sendMessage({ to: TO, type: 'SignIn', payload: payloadFor(i) }, config);
      use(info.messageId);
    },
    close: async () => {},
  };
}

/**
 * Runs `count` sends with `concurrency` in flight.
 *
 * @returns {Promise<number>} elapsed milliseconds
 */
export async function runSends(subject, count, concurrency, offset = 0) {
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await subject.send(offset + i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return performance.now() - start;
}
