/**
 * Terminal colour for CLI output, used only when it is wanted.
 *
 * @module
 */
import type { CliOutput } from './cli-io.js';

/** Wraps text in one colour or weight; returns it unchanged when colour is off. */
export type Paint = (text: string) => string;

/** The paints the CLI uses. */
export interface Style {
  /** Success marks. */
  green: Paint;
  /** Failures. */
  red: Paint;
  /** Warnings. */
  yellow: Paint;
  /** Secondary detail. */
  dim: Paint;
  /** Headings and names. */
  bold: Paint;
}

const CODES: Record<keyof Style, [open: number, close: number]> = {
  green: [32, 39],
  red: [31, 39],
  yellow: [33, 39],
  dim: [2, 22],
  bold: [1, 22],
};

/**
 * Creates the paints for one output stream: ANSI colour when the stream is a terminal and
 * `NO_COLOR` is unset or empty (https://no-color.org), plain text otherwise.
 *
 * @param output - The stream the painted text goes to.
 * @param env - The environment, for `NO_COLOR`.
 * @returns The paints.
 */
export function createStyle(output: CliOutput, env: Readonly<Record<string, string | undefined>>): Style {
  const colour = output.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');
  const paint = ([open, close]: [number, number]): Paint =>
    colour ? (text) => `\u001b[${open}m${text}\u001b[${close}m` : (text) => text;
  return {
    green: paint(CODES.green),
    red: paint(CODES.red),
    yellow: paint(CODES.yellow),
    dim: paint(CODES.dim),
    bold: paint(CODES.bold),
  };
}
