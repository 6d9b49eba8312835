// Latency across a simulated WAN: every send goes through bench/delay-relay.mjs (25 ms each way).
import { performance } from 'node:perf_hooks';
import { createAuthMailerSubject, createLogtoSubject, createNodemailerPoolSubject } from './subjects.mjs';

/** Runs `work` and returns how long it took, in milliseconds. */
export async function timed(work) {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/**
 * @param {number} relayPort - The relay in front of the plain sink.
 * @param {{ warmSends?: number, coldSends?: number }} [options]
 * @returns {Promise<Record<string, number[]>>} milliseconds per send, by case
 */
export async function measureLatency(relayPort, { warmSends = 15, coldSends = 7 } = {}) {
  const results = {
    'auth-mailer: warm send (pool open)': [],
    'auth-mailer: first send after createMailer': [],
    'auth-mailer: first send after verify()': [],
    'nodemailer pool: warm send': [],
    '@logto/connector-smtp sendMessage()': [],
  };
  const warm = createAuthMailerSubject(relayPort);
  const pool = await createNodemailerPoolSubject(relayPort);
  await warm.send(0);
  await pool.send(0);
  for (let i = 1; i <= warmSends; i += 1) {
    results['auth-mailer: warm send (pool open)'].push(await timed(() => warm.send(i)));
    results['nodemailer pool: warm send'].push(await timed(() => pool.send(i)));
  }
  await warm.close();
  await pool.close();

  const logto = await createLogtoSubject(relayPort);
  for (let i = 0; i < coldSends; i += 1) {
    const cold = createAuthMailerSubject(relayPort);
    results['auth-mailer: first send after createMailer'].push(await timed(() => cold.send(i)));
    await cold.close();
    const verified = createAuthMailerSubject(relayPort);
    await verified.mailer.verify();
    results['auth-mailer: first send after verify()'].push(await timed(() => verified.send(i)));
    await verified.close();
    results['@logto/connector-smtp sendMessage()'].push(await timed(() => logto.send(i)));
  }
  return results;
}
