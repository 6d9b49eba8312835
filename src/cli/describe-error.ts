/**
 * Writes a failure as the CLI shows it: message, code, hint, and every config issue by path.
 *
 * @module
 */
import { isMailerError } from '../errors/mailer-error.js';
import { summaryOf } from '../errors/summary-of.js';
import type { Style } from './style.js';

/**
 * Describes a failure in lines of text. Library errors never hold secrets, so their text is
 * shown as is (with `issues`, only the message's summary line, then each issue by path);
 * anything else shows only its message.
 *
 * @param error - What was thrown.
 * @param style - The paints for the stream the lines go to.
 * @param context - What failed, put before the message on the first line (`config.json is invalid`).
 * @returns The lines, without line endings.
 */
export function describeError(error: unknown, style: Style, context?: string): string[] {
  const mark = `${style.red('✖')} ${context === undefined ? '' : `${context}: `}`;
  if (!isMailerError(error)) return [`${mark}${error instanceof Error ? error.message : String(error)}`];
  // The code and hint get lines of their own, so the message is shown without them. With issues,
  // only its first line is, and the issues follow by path.
  const summary = summaryOf(error);
  const message = error.issues === undefined ? summary : (summary.split('\n')[0] ?? '');
  const lines = [`${mark}${message}`, `  ${style.dim('code:')} ${error.code}`];
  if (error.responseCode !== undefined) lines.push(`  ${style.dim('reply:')} ${error.responseCode}`);
  if (error.attempts !== undefined) lines.push(`  ${style.dim('attempts:')} ${error.attempts}`);
  if (error.hint !== undefined) lines.push(`  ${style.dim('hint:')} ${error.hint}`);
  for (const issue of error.issues ?? []) lines.push(`  ${style.bold(issue.path || '(config)')}: ${issue.message}`);
  return lines;
}
