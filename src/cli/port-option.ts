/**
 * The `--port` option of the commands that serve a page.
 *
 * @module
 */
import { UsageError } from './usage-error.js';

/**
 * Reads `--port`: a whole number from 0 to 65535, 0 (the default) for a free port.
 *
 * @param command - The command's name, for the error.
 * @param value - The option's value, when given.
 * @returns The port.
 * @throws {@link UsageError} for anything else.
 */
export function parsePortOption(command: string, value: string | undefined): number {
  if (value === undefined) return 0;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port <= 65_535)) throw new UsageError(`--port must be a number from 0 to 65535 (0 picks a free port), not ${JSON.stringify(value)}`, command);
  return port;
}
