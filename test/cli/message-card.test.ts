import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { failureCard, messageCard } from '../../src/cli/message-card.js';

// Every way out of a text node or a quoted attribute, with the characters escapeHtml leaves alone.
const HOSTILE = `"'><script>alert(1)</script><img src=x onerror=alert(2)> & / = \` {{x}}`;

interface Parsed {
  tags: string[];
  attributes: Map<string, Record<string, string>>;
  text: string;
}

/** Parses a page fragment with a real HTML parser (htmlparser2), as a browser would read it. */
function parse(html: string): Parsed {
  const parsed: Parsed = { tags: [], attributes: new Map(), text: '' };
  const parser = new Parser({
    onopentag: (name, attributes) => {
      parsed.tags.push(name);
      parsed.attributes.set(name, attributes);
    },
    ontext: (text) => (parsed.text += text),
  });
  parser.end(html);
  return parsed;
}

describe('the CLI pages keep message content inside its element', () => {
  it('shows hostile subject, headers, HTML and text as they are, in the card', () => {
    const card = parse(
      messageCard({ label: HOSTILE, subject: HOSTILE, headers: [[HOSTILE, HOSTILE]], html: `<p title="${HOSTILE}">${HOSTILE}</p>`, text: HOSTILE, size: 10 }),
    );
    expect(new Set(card.tags)).toEqual(new Set(['article', 'p', 'h2', 'table', 'tr', 'th', 'td', 'div', 'section', 'h3', 'iframe', 'pre']));
    expect(card.attributes.get('iframe')).toEqual({
      class: 'mail',
      sandbox: '',
      referrerpolicy: 'no-referrer',
      title: `HTML of ${HOSTILE}`,
      'data-mail': `<p title="${HOSTILE}">${HOSTILE}</p>`,
    });
    expect(card.text.split(HOSTILE)).toHaveLength(6);
  });

  it('shows a hostile problem as text in a failure card', () => {
    const card = parse(failureCard(HOSTILE, HOSTILE));
    expect(card.tags).toEqual(['article', 'p', 'p']);
    expect(card.text).toBe(HOSTILE + HOSTILE);
  });
});
