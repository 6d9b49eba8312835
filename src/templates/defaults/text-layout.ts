/**
 * The hand-written plain-text body of a default template, built from the same sentences as its HTML.
 *
 * @module
 */
import type { Block, MessageCopy } from './template-copy.js';

/**
 * Builds the plain-text body of one message: heading, body and footer, separated by blank lines.
 * The preview text is left out: a text part is read whole, and it would only repeat the body.
 *
 * @param message - The heading (the subject without a code), body and, when there is one, footer.
 * @returns A mustache template of the plain-text body.
 */
export function textLayout(message: Pick<MessageCopy, 'subject' | 'body'> & { footer?: string }): string {
  return `${message.subject}\n${blocksText(message.body)}${message.footer === undefined ? '' : `\n${message.footer}\n`}`;
}

/** The blocks' text, each block after a blank line. */
function blocksText(blocks: readonly Block[]): string {
  return blocks.map(blockText).join('');
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `\n${block.text}\n`;
    case 'code':
      return '\n    {{code}}\n';
    case 'link':
      return `\n${block.label}\n{{link}}\n`;
    case 'choice': {
      // Section tags stand alone on their lines, so mustache drops those lines when rendering; each
      // block of a branch starts with its own blank line, so a branch left out leaves none behind,
      // and the last one rendered leaves none after it.
      const name = block.variable;
      const absent = block.absent ?? [];
      const absentText = absent.length === 0 ? '' : `{{^${name}}}\n${blocksText(absent)}{{/${name}}}\n`;
      return `{{#${name}}}\n${blocksText(block.present)}{{/${name}}}\n${absentText}`;
    }
  }
}
