/**
 * The logger handed to nodemailer when `logger: true`: prints like nodemailer's own console
 * logger, but every line passes through a {@link Redactor} first.
 *
 * @module
 */
import { format } from 'node:util';
import type { Redactor } from '../../errors/redact-secrets.js';

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

/** One of the bunyan levels nodemailer logs at. */
export type LogLevel = (typeof LEVELS)[number];

/** A bunyan-style logger, the shape nodemailer's `logger` option takes. */
export type BunyanLogger = Record<LogLevel, (entry: unknown, message?: unknown, ...args: unknown[]) => void>;

/**
 * Creates a bunyan-style logger that formats each entry the way nodemailer's console logger does
 * (`[time] LEVEL [#cid] C: line`), redacts it, and writes it line by line. The entry object's
 * other fields (an `err` among them) are never printed.
 *
 * @param redact - Removes credentials from each formatted line.
 * @param write - Where lines go.
 * @returns The logger.
 * @default write console.log
 */
export function createRedactingLogger(redact: Redactor, write: (line: string) => void = console.log): BunyanLogger {
  const print = (level: LogLevel, entry: unknown, message?: unknown, ...args: unknown[]): void => {
    const fields = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const text = format(message ?? '', ...args);
    const prefix = prefixOf(fields);
    const time = new Date().toISOString().slice(0, 19).replace('T', ' ');
    for (const line of redact(text).split(/\r?\n/)) write(`[${time}] ${level.toUpperCase().padEnd(5)} ${prefix}${line}`);
  };
  return Object.fromEntries(
    LEVELS.map((level) => [level, (entry: unknown, message?: unknown, ...args: unknown[]) => print(level, entry, message, ...args)]),
  ) as BunyanLogger;
}

function prefixOf(fields: Record<string, unknown>): string {
  let prefix = fields.tnx === 'server' ? 'S: ' : fields.tnx === 'client' ? 'C: ' : '';
  if (typeof fields.sid === 'string') prefix = `[${fields.sid}] ${prefix}`;
  if (fields.cid !== undefined) prefix = `[#${String(fields.cid)}] ${prefix}`;
  return prefix;
}
