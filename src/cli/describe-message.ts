/**
 * Shows a rendered message as `render` prints it.
 *
 * @module
 */
import type { RenderedMessage } from '../types/send.js';
import type { Style } from './style.js';

/**
 * Names the MIME structure a rendered message is sent with.
 *
 * @param message - The rendered message.
 * @returns `multipart/alternative: text/plain + text/html` for HTML, `text/plain` otherwise.
 */
function mimeStructureOf(message: Pick<RenderedMessage, 'text' | 'html'>): string {
  return message.html === undefined ? 'text/plain' : 'multipart/alternative: text/plain + text/html';
}

/**
 * Describes a rendered message's envelope and headers, one `Name: value` line each.
 *
 * @param message - The rendered message.
 * @param style - The paints for the stream the lines go to.
 * @returns The lines, without line endings.
 */
export function describeHeaders(message: RenderedMessage, style: Style): string[] {
  const fields: [string, string | undefined][] = [
    ['From', message.from],
    ['To', message.to],
    ['Reply-To', message.replyTo],
    ['Subject', message.subject],
    ['Template', message.locale === undefined ? message.usageType : `${message.usageType} (${message.locale})`],
    ['Parts', mimeStructureOf(message)],
    ...Object.entries(message.headers ?? {}).map(([name, value]): [string, string] => [
      name,
      Array.isArray(value) ? value.join(', ') : value,
    ]),
  ];
  return fields
    .filter((field): field is [string, string] => field[1] !== undefined)
    .map(([name, value]) => `${style.bold(`${name}:`)} ${value}`);
}

/**
 * Describes a rendered message in full: its headers, then each body part under a divider.
 *
 * @param message - The rendered message.
 * @param style - The paints for the stream the lines go to.
 * @returns The lines, without line endings.
 */
export function describeMessage(message: RenderedMessage, style: Style): string[] {
  const lines = describeHeaders(message, style);
  if (message.text !== undefined) lines.push('', style.dim('--- text/plain ---'), message.text);
  if (message.html !== undefined) lines.push('', style.dim('--- text/html ---'), message.html);
  return lines;
}
