import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse-config.js';
import { resolveInFlightLimit } from '../../src/delivery/in-flight-limit.js';
import { logtoTemplates } from '../helpers/logto-config.js';

const config = (extra: Record<string, unknown> = {}) =>
  parseConfig({ host: 'smtp.example.com', port: 587, fromEmail: 'no-reply@acme.test', templates: logtoTemplates(), ...extra });

describe('resolveInFlightLimit', () => {
  it('gives the SMTP transport twice its connections: one on the wire and one ready for each', () => {
    expect(resolveInFlightLimit(undefined, false, config())).toBe(10);
    expect(resolveInFlightLimit(undefined, false, config({ maxConnections: 3 }))).toBe(6);
    expect(resolveInFlightLimit(undefined, false, config({ pool: false, maxConnections: 2 }))).toBe(4);
  });

  it('gives a transport of your own 64, and takes your number over any default', () => {
    expect(resolveInFlightLimit(undefined, true, config())).toBe(64);
    expect(resolveInFlightLimit(500, true, config())).toBe(500);
    expect(resolveInFlightLimit(1, false, config({ maxConnections: 8 }))).toBe(1);
  });
});
