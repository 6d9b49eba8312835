import { describe, expect, it } from 'vitest';
import { createSmtpTransport } from '../../../src/transports/smtp/smtp-transport.js';
import { resolvedConfig } from './resolved-config.js';

const TARGET = { host: 'smtp.example.com', port: 587 };

describe('the SMTP transport declares how many sends it takes at once', () => {
  it('twice its connections: one message on the wire and the next one ready for each', () => {
    expect(createSmtpTransport(resolvedConfig(TARGET)).maxInFlight).toBe(10);
    expect(createSmtpTransport(resolvedConfig(TARGET, { smtp: { maxConnections: 3 } })).maxInFlight).toBe(6);
    expect(createSmtpTransport(resolvedConfig(TARGET, { smtp: { pool: false, maxConnections: 2 } })).maxInFlight).toBe(4);
  });
});
