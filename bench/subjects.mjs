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

/**
 * (b) nodemailer's pooled `sendMail` of the message auth-mailer renders, rendered once up front:
 * the floor auth-mailer wraps.
 */
export async function createNodemailerPoolSubject(port, extra = {}) {
  const renderer = createMailer(mailerConfig(port));
  const message = await renderer.render({ to: TO, type: 'SignIn', payload: payloadFor(0) });
  await renderer.close();
  const { from, to, subject, text, html, headers } = message;
  const transport = nodemailer.createTransport(nodemailerPoolOptions(port, extra));
  return {
    name: 'nodemailer pool sendMail',
    /** Starts one send and returns its promise untouched, for the memory bench. */
    fire: () => transport.sendMail({ from, to, subject, text, html, headers: { ...headers } }),
    async send() {
      const info = await transport.sendMail({ from, to, subject, text, html, headers: { ...headers } });
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
