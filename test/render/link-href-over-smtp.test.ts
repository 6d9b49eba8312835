import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { createMailer } from '../../src/index.js';
import { sinkPerTest } from '../helpers/sink-per-test.js';

const { sink, keep } = sinkPerTest();

/** The attributes of every `<a>` of an HTML document, decoded by a real HTML parser (htmlparser2). */
function anchorsOf(html: string): Array<Record<string, string>> {
  const anchors: Array<Record<string, string>> = [];
  const parser = new Parser({ onopentag: (name, attributes) => name === 'a' && anchors.push(attributes) });
  parser.end(html);
  return anchors;
}

/** Sends one message whose HTML puts `link` in an href and in the text, and returns its HTML as the sink parsed it. */
async function sendLink(link: string): Promise<string> {
  const mailer = keep(
    createMailer({
      ...sink().config,
      fromEmail: 'Acme <no-reply@acme.example>',
      templates: [
        { usageType: 'MagicLink', contentType: 'text/html', subject: 'Sign in', content: '<p><a class="go" href="{{link}}">Sign in</a></p><p>{{link}}</p>' },
      ],
    }),
  );
  await mailer.send({ to: 'ada@example.com', type: 'MagicLink', payload: { link } });
  const html = sink().messages.at(-1)?.html;
  expect(html).toBeDefined();
  return html as string;
}

describe('a link in an href, sent over SMTP and parsed back', () => {
  it('stays readable: only & is written as &amp;, and the parsed href is the link', async () => {
    const link = 'https://acme.example/auth/magic?a=1&b=2/x=y';
    const html = await sendLink(link);
    expect(html).toContain('<a class="go" href="https://acme.example/auth/magic?a=1&amp;b=2/x=y">');
    expect(html).toContain('<p>https://acme.example/auth/magic?a=1&amp;b=2/x=y</p>');
    expect(anchorsOf(html)).toEqual([{ class: 'go', href: link }]);
  });

  it.each([
    ['a double quote', 'https://acme.example/?q=" onmouseover="alert(1)'],
    ['a tag', 'https://acme.example/?q="><script>alert(1)</script><a href="x'],
    ['a single quote and a tag', "https://acme.example/?q='><img src=x onerror=alert(1)>"],
  ])('cannot break out of the attribute with %s', async (_name, link) => {
    const html = await sendLink(link);
    expect(html).not.toMatch(/<script|<img|onmouseover="/);
    expect(anchorsOf(html)).toEqual([{ class: 'go', href: link }]);
  });
});
