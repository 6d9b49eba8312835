import { describe, expect, it } from 'vitest';
import { describeProbeReport } from '../../src/cli/describe-probe-report.js';
import { createStyle } from '../../src/cli/style.js';
import type { SmtpProbeReport } from '../../src/transports/smtp/probe-smtp-server.js';

const plain = createStyle({ write: () => true, isTTY: false }, {});
const report = (overrides: Partial<SmtpProbeReport> = {}): SmtpProbeReport => ({
  greeting: '220 mx.example.test ESMTP',
  tls: 'starttls',
  tlsVersion: 'TLSv1.3',
  extensions: ['SIZE 42', 'AUTH PLAIN'],
  authMechanisms: ['PLAIN'],
  ...overrides,
});

describe('describeProbeReport', () => {
  it('lines up a multi-line greeting under its label', () => {
    const lines = describeProbeReport(report({ greeting: '220-mx.example.test\n220 ready' }), plain);
    expect(lines.slice(0, 2)).toEqual(['greeting:   220-mx.example.test', '            220 ready']);
  });

  it('says when nothing logged in: a probe with credentials fails unless it logs in, so the config has none', () => {
    const lines = describeProbeReport(report({ tls: 'none', tlsVersion: undefined, extensions: [], authMechanisms: [] }), plain);
    expect(lines).toEqual([
      'greeting:   220 mx.example.test ESMTP',
      'TLS:        none: the connection is plain text',
      'extensions: (none)',
      'auth:       none',
      '✔ connected (the config has no auth)',
    ]);
  });

  it('names the mechanism used among those offered', () => {
    const lines = describeProbeReport(report({ authMethod: 'PLAIN' }), plain);
    expect(lines).toContain('TLS:        STARTTLS, TLSv1.3');
    expect(lines).toContain('auth:       PLAIN (offered: PLAIN)');
    expect(lines.at(-1)).toBe('✔ connected and authenticated');
  });
});
