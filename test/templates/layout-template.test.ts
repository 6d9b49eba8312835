import { describe, expect, it } from 'vitest';
import { createMailer, isMailerError } from '../../src/index.js';
import { defaultTemplates, layoutTemplate, type LayoutTemplateOptions } from '../../src/templates/index.js';
import { compileTemplate } from '../../src/render/compile-template.js';
import { sinkPerTest } from '../helpers/sink-per-test.js';

const { sink, keep } = sinkPerTest();
const LINK = 'https://acme.example/welcome?from=email&step=1';
const NAME = '<b>Ada</b> & "Lovelace"';

/** A user's template in the built-in look, built the way the SignIn built-in is: purpose, code, notice, "or", button. */
const welcomeOptions: LayoutTemplateOptions = {
  usageType: 'Welcome',
  subject: 'Welcome to Acme, {{name}}',
  preheader: 'Your account is ready, {{name}}.',
  body: [
    { kind: 'paragraph', text: 'Your account is ready, {{name}}.' },
    { kind: 'code' },
    { kind: 'paragraph', text: 'Keep this code: support asks for it.' },
    { kind: 'paragraph', text: 'Or open your dashboard:' },
    { kind: 'link', label: 'Open the dashboard' },
  ],
  footer: 'You get this email because you created an account.',
};

/** Every start tag of an HTML document, attributes included: the document's structure and styles without its words. */
const startTags = (html: string): string[] => html.match(/<[a-z][^>]*>/g) ?? [];

async function sendThroughSink(options: LayoutTemplateOptions, payload: Record<string, unknown>) {
  const mailer = keep(createMailer({ ...sink().config, fromEmail: 'Acme <no-reply@acme.example>', templates: [layoutTemplate(options)] }));
  await mailer.send({ to: 'ada@example.com', type: options.usageType, payload });
  const received = sink().messages.at(-1);
  expect(received).toBeDefined();
  return received as NonNullable<typeof received>;
}

describe('layoutTemplate', () => {
  it('sends your words in the built-in look: same document, styles and dark mode as the built-in SignIn', async () => {
    const received = await sendThroughSink(welcomeOptions, { name: 'Ada', code: '482913', link: LINK });
    const builtIn = defaultTemplates.find((template) => template.usageType === 'SignIn' && template.locale === undefined);
    const reference = compileTemplate(builtIn as NonNullable<typeof builtIn>).render({ code: '482913', link: LINK }).html ?? '';
    const html = received.html ?? '';
    expect(startTags(html)).toEqual(startTags(reference));
    expect(html.slice(html.indexOf('<style>'), html.indexOf('</style>'))).toBe(reference.slice(reference.indexOf('<style>'), reference.indexOf('</style>')));
    expect(html).toContain('@media (prefers-color-scheme:dark){');
    expect(html).toContain('<p class="am-code" style="');
    expect(html).toContain('>482913</p>');
    expect(html).toContain(`<a class="am-button" href="${LINK.replaceAll('&', '&amp;')}"`);
    expect(received.subject).toBe('Welcome to Acme, Ada');
    expect(received.text).toBe(
      [
        'Welcome to Acme, Ada',
        'Your account is ready, Ada.',
        '    482913',
        'Keep this code: support asks for it.',
        'Or open your dashboard:',
        `Open the dashboard\n${LINK}`,
        'You get this email because you created an account.\n',
      ].join('\n\n'),
    );
  });

  it('escapes payload values in the HTML, and the words you pass, but keeps both as written in the text part', async () => {
    const options = { ...welcomeOptions, subject: 'Tom & Jerry <3', footer: 'Questions? Write to "support".' };
    const received = await sendThroughSink(options, { name: NAME, code: '482913', link: LINK });
    const html = received.html ?? '';
    expect(html).toContain('Your account is ready, &lt;b&gt;Ada&lt;/b&gt; &amp; &quot;Lovelace&quot;.');
    expect(html).not.toContain('<b>Ada');
    expect(html).toContain('<title>Tom &amp; Jerry &lt;3</title>');
    expect(html).toContain('>Questions? Write to &quot;support&quot;.</p>');
    expect(received.text).toContain(`Your account is ready, ${NAME}.`);
    expect(received.subject).toBe('Tom & Jerry <3');
  });

  it('takes a body of your own HTML, mustache allowed, with a text part derived without the hidden preview text', async () => {
    const options: LayoutTemplateOptions = {
      usageType: 'Welcome',
      locale: 'fa',
      subject: 'Welcome',
      preheader: 'Hidden preview line',
      body: '<p>Hello <strong>{{name}}</strong>, <a href="{{link}}">start here</a>.</p>',
    };
    const received = await sendThroughSink(options, { name: NAME, link: LINK, locale: 'fa' });
    const html = received.html ?? '';
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain('<p>Hello <strong>&lt;b&gt;Ada&lt;/b&gt; &amp; &quot;Lovelace&quot;</strong>');
    expect(html).not.toContain('class="am-rule"');
    expect(received.text).toContain(`Hello ${NAME}, start here [${LINK}].`);
    expect(received.text).not.toContain('Hidden preview line');
  });

  it('follows the locale for lang and dir unless told, and keeps the optional fields', () => {
    expect(layoutTemplate({ usageType: 'X', subject: 's', body: 'b' }).content).toContain('<html lang="en" dir="ltr">');
    expect(layoutTemplate({ usageType: 'X', locale: 'he-IL', subject: 's', body: 'b' }).content).toContain('<html lang="he-IL" dir="rtl">');
    expect(layoutTemplate({ usageType: 'X', locale: 'ar', lang: 'ar-EG', dir: 'ltr', subject: 's', body: 'b' }).content).toContain(
      '<html lang="ar-EG" dir="ltr">',
    );
    const template = layoutTemplate({ ...welcomeOptions, locale: 'de', sendFrom: 'Acme <hi@acme.example>', replyTo: 'help@acme.example' });
    expect(template).toMatchObject({ usageType: 'Welcome', contentType: 'text/html', locale: 'de', sendFrom: 'Acme <hi@acme.example>', replyTo: 'help@acme.example' });
    expect(layoutTemplate({ ...welcomeOptions, text: 'Mine: {{code}}' }).text).toBe('Mine: {{code}}');
    expect('text' in layoutTemplate({ usageType: 'X', subject: 's', body: '<p>b</p>' })).toBe(false);
  });

  it('lays out parts that depend on a variable, requiring only the rendered branch', () => {
    const template = compileTemplate(
      layoutTemplate({
        usageType: 'X',
        subject: 'Hi',
        body: [{ kind: 'choice', variable: 'link', present: [{ kind: 'link', label: 'Go' }], absent: [{ kind: 'code' }] }],
      }),
    );
    expect(template.render({ link: LINK }).html).toContain('class="am-button"');
    expect(template.render({ code: '482913' }).text).toBe('Hi\n\n    482913\n');
    expect(() => template.render({})).toThrow(/Pass code in payload, or link instead/);
  });

  it('refuses missing or malformed fields with InvalidConfig naming each one', () => {
    let error: unknown;
    try {
      layoutTemplate({ usageType: '', subject: 3, body: [{ kind: 'image' }, { kind: 'choice', variable: 'a b', present: 'x' }], dir: 'up' } as never);
    } catch (caught) {
      error = caught;
    }
    expect(isMailerError(error) && error.code).toBe('InvalidConfig');
    expect((error as { issues: Array<{ path: string }> }).issues.map((issue) => issue.path)).toEqual([
      'usageType',
      'subject',
      'dir',
      'body[0].kind',
      'body[1].variable',
      'body[1].present',
    ]);
    expect(() => layoutTemplate({ usageType: 'X', subject: 's', body: {} } as never)).toThrow(/body must be HTML \(a string\) or an array of blocks/);
  });
});
