import type * as os from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { hintFor } from '../../../src/transports/smtp/connection-hints.js';

// The machine's host name decides what nodemailer sends in EHLO when the config sets no `name`;
// no real server can change this machine's name, so the test sets it.
const machine = vi.hoisted(() => ({ name: 'localhost' }));
vi.mock('node:os', async (importOriginal) => ({ ...(await importOriginal<typeof os>()), hostname: () => machine.name }));

const refusedHelo = Object.assign(new Error('Invalid EHLO argument'), { code: 'EPROTOCOL', command: 'EHLO', responseCode: 501 });
const context = { host: 'smtp.example.com', port: 587, secure: false };

describe('the hint for a refused EHLO name', () => {
  it('blames a non-ASCII host name that nodemailer really sends (it has a dot)', () => {
    machine.name = 'büro.example.com';
    expect(hintFor(refusedHelo, context)).toMatch(/EHLO name is not ASCII/);
  });

  it('stays silent for a non-ASCII host name without a dot: nodemailer sends [127.0.0.1] instead', () => {
    machine.name = 'büro';
    expect(hintFor(refusedHelo, context)).toBeUndefined();
  });

  it('follows the configured name over the host name', () => {
    machine.name = 'büro';
    expect(hintFor(refusedHelo, { ...context, name: 'mäil.example.com' })).toMatch(/EHLO name is not ASCII/);
  });
});
