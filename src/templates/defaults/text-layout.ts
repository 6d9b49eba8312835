/**
 * The hand-written plain-text body of a default template, built from the same sentences as its HTML.
 *
 * @module
 */
import type { Block } from './template-copy.js';

/**
 * Builds the plain-text body of one message: heading, body and footer, separated by blank lines.
 *
 * @param subject - The subject template, repeated as the first line.
 * @param body - The body blocks.
 * @param footer - The closing line.
 * @returns A mustache template of the plain-text body.
 */
export function textLayout(subject: string, body: readonly Block[], footer: string): string {
  return `${[subject, blocksText(body), footer].join('\n\n')}\n`;
}

function blocksText(blocks: readonly Block[]): string {
  return blocks.map(blockText).join('\n\n');
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'code':
      return '    {{code}}';
    case 'link': {
      // The code follows the link when the payload has one; its section lines vanish otherwise.
      const code = [...(block.codeLabel === undefined ? [] : [block.codeLabel, '']), '    {{code}}'];
      return [`${block.label}`, '{{link}}', '{{#code}}', '', ...code, '{{/code}}'].join('\n');
    }
    case 'choice': {
      // Section tags stand alone on their lines, so mustache drops those lines when rendering.
      const name = block.variable;
      return [
        `{{#${name}}}`,
        blocksText(block.present),
        `{{/${name}}}`,
        `{{^${name}}}`,
        blocksText(block.absent),
        `{{/${name}}}`,
      ].join('\n');
    }
  }
}
