/**
 * What an outbox job holds in Redis, and its masked form: the form that outlives the job's end.
 *
 * @module
 */
import type { TemplatePayload } from '../types/template.js';

/** The data of one outbox job. */
export interface OutboxJobData {
  /** The recipient, as `parseRecipient` returned it. */
  to: string;
  /** The usage type. */
  type: string;
  /** The template's variables: the code and link live here while the job waits. */
  payload: TemplatePayload;
  /** Epoch milliseconds after which the job is dropped instead of sent. */
  notAfter: number;
  /** Set once the payload was masked: such a job is never sent. */
  masked?: true;
}

/** What every masked value is replaced with. */
const MASK = '***';

/** The payload keys kept as they are: they are no secret, and logs need them. */
const KEPT = new Set(['locale']);

/**
 * The payload with every value but `locale` replaced by `***`: what events, failed jobs and logs show.
 *
 * @param payload - A job's payload.
 * @returns A new object with the same keys.
 */
export function maskPayload(payload: TemplatePayload): TemplatePayload {
  return Object.fromEntries(Object.entries(payload).map(([key, value]) => [key, KEPT.has(key) ? value : MASK]));
}

/**
 * The payload's values that masking hides, as text: removed from every error an event or a failed
 * job shows. One-character values are left out, since removing them would garble any text.
 *
 * @param payload - A job's payload.
 * @returns The values to redact.
 */
export function payloadSecrets(payload: TemplatePayload): string[] {
  return Object.entries(payload)
    .filter(([key, value]) => !KEPT.has(key) && value !== null && value !== undefined)
    .map(([, value]) => (typeof value === 'string' ? value : JSON.stringify(value) ?? ''))
    .filter((value) => value.length > 1);
}
