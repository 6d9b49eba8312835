// The machine the figures come from.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

/** @returns {Record<string, string>} */
export function describeMachine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // not Linux: os.cpus() said it
  }
  const root = fileURLToPath(new URL('../node_modules/', import.meta.url));
  const version = (path) => JSON.parse(readFileSync(`${root}${path}/package.json`, 'utf8')).version;
  return {
    CPUs: String(os.availableParallelism?.() ?? os.cpus().length),
    'CPU model': cpu.trim(),
    Node: process.version,
    OS: `${os.type()} ${os.release()} ${os.arch()}`,
    nodemailer: version('nodemailer'),
    'smtp-server': version('smtp-server'),
    '@logto/connector-smtp': `${version('@logto/connector-smtp')} (with its own nodemailer ${version('@logto/connector-smtp/node_modules/nodemailer')})`,
  };
}
