/**
 * Compiles a template definition once into a fast renderer. The only importer of mustache:
 * templates are parsed with `Mustache.parse` and rendered by auth-mailer's own token walker,
 * which gives the same output as `Mustache.render` (with `escapeHtml`'s escaping, which leaves
 * `/`, `=` and the backtick alone) and reports missing variables.
 *
 * @module
 */
import Mustache from 'mustache';
import { MailerError } from '../errors/mailer-error.js';
import { toHeaderValue } from '../shared/header-value.js';
import type { TemplateDefinition, TemplatePayload } from '../types/template.js';
import { compileDerivedPlainText, renderDerivedPlainText, type DerivedTextNode } from './derived-plain-text.js';
import { describeTemplate } from '../shared/describe-template.js';
import { htmlToPlainText } from './html-to-plain-text.js';
import { renderNodes, type RenderGaps, type TemplateNode, type VariableName } from './render-nodes.js';

/** One rendered message body. */
export interface RenderedContent {
  /** The subject, on one line (control characters replaced, ends trimmed). */
  subject: string;
  /** The plain-text body: the whole body of a `text/plain` template, the alternative part of an HTML one. */
  text: string;
  /** The HTML body, for `text/html` templates. */
  html?: string;
}

/** A template compiled once, rendered on every send. */
export interface CompiledTemplate {
  /** A copy of the definition it was compiled from (for `sendFrom`, `replyTo`, `locale`). */
  readonly definition: TemplateDefinition;
  /**
   * Whether {@link CompiledTemplate.render} writes the text part from the HTML (an HTML template
   * without `text`): it can then run only once `loadPlainTextConverter()` has resolved.
   */
  readonly derivesText: boolean;
  /**
   * Renders the subject and body with `payload`.
   *
   * @param payload - The template's variables.
   * @returns The subject, the text part and, for HTML templates, the HTML part.
   * @throws {MailerError} `MissingVariable` naming every variable the rendering reached that the
   *   payload lacks (`null` and `undefined` count as missing), or the first whose value it cannot use
   *   (a symbol, a function returning a function); `Unavailable` when it derives its text part and
   *   the plain-text converter is not loaded.
   */
  render(payload: TemplatePayload): RenderedContent;
  /**
   * Lists the template's tags, to tell which payload variables it reads (`auth-mailer check`).
   *
   * @returns Every variable and section tag of the subject, content and text, in order.
   */
  listTags(): TemplateTag[];
}

/** A variable or section tag of a template, as {@link CompiledTemplate.listTags} lists it. */
export interface TemplateTag {
  /** The field the tag is in. */
  readonly field: 'subject' | 'content' | 'text';
  /** The payload variable it reads: the first segment of a dotted name (`user` of `user.name`); `.` for `{{.}}`. */
  readonly variable: string;
  /**
   * `variable` for `{{x}}`/`{{{x}}}`, which a missing value fails; `section` for `{{#x}}`, which a
   * missing value hides; `inverted` for `{{^x}}`, which a missing value shows.
   */
  readonly kind: 'variable' | 'section' | 'inverted';
  /** The sections the tag sits in, outermost first: it renders only when each of them does. */
  readonly within: readonly Omit<TemplateTag, 'field' | 'within'>[];
}

type MustacheToken = [type: string, value: string, start: number, end: number, children?: MustacheToken[]];

const TAGS: [string, string] = ['{{', '}}'];
/**
 * The deepest section nesting a template may have. Far beyond any real email, and low enough that
 * compiling and rendering (which recurse once per level) never come near the stack's limit.
 */
const MAX_SECTION_DEPTH = 100;
// A private writer with its parse cache off: compiled templates are cached by the registry, and
// mustache's own cache would keep every template string ever parsed.
const writer = new Mustache.Writer();
(writer as { templateCache?: unknown }).templateCache = undefined;

/**
 * Compiles a template: parses its subject, content and (for HTML) text once. The plain-text part of
 * an HTML template without `text` is converted from the HTML template once, on the first render,
 * where that is safe (so compiling does not need html-to-text), and from each rendered HTML otherwise.
 *
 * Supported mustache: `{{name}}` (HTML-escaped in `text/html` content only), `{{{name}}}` and
 * `{{& name}}` (never escaped), dotted names, `{{.}}`, sections and inverted sections, comments and
 * set-delimiter tags. Partials are not. Payload objects are looked up as mustache does, own
 * properties and those inherited from a class (getters, methods), except `constructor`, `__proto__`
 * and Object.prototype's members; a function value is called with the current context as `this`
 * and its result used instead (a function returning a function, mustache's lambda for
 * higher-order sections, is not supported: rendering it is `MissingVariable`, an inverted section
 * over it renders nothing). Sections nest at most 100 deep.
 *
 * @param definition - The template.
 * @returns The compiled template.
 * @throws {MailerError} `TemplateSyntax` naming the template, the field and the parse error, when a
 *   field does not compile, uses a partial or an empty tag, nests sections more than 100 deep, or
 *   the definition is malformed.
 */
export function compileTemplate(definition: TemplateDefinition): CompiledTemplate {
  const snapshot = copyDefinition(definition);
  const html = snapshot.contentType === 'text/html';
  const subject = compileField(snapshot, 'subject', snapshot.subject, false);
  const content = compileField(snapshot, 'content', snapshot.content, html);
  const text = html && snapshot.text !== undefined ? compileField(snapshot, 'text', snapshot.text, false) : undefined;
  const derivesText = html && text === undefined;
  // undefined: not converted yet; null: not convertible once, so each rendered HTML is converted.
  let derivedText: readonly DerivedTextNode[] | null | undefined;
  const derivePlainText = (stack: readonly unknown[], body: string): string => {
    derivedText ??= compileDerivedPlainText(content) ?? null;
    return (derivedText === null ? undefined : renderDerivedPlainText(derivedText, stack)) ?? htmlToPlainText(body);
  };

  return {
    definition: snapshot,
    derivesText,
    render(payload) {
      const stack: unknown[] = [payload];
      const gaps: RenderGaps = { missing: [], alternatives: [] };
      const renderedSubject = renderNodes(subject, stack, gaps);
      const body = renderNodes(content, stack, gaps);
      const renderedText = text === undefined ? undefined : renderNodes(text, stack, gaps);
      if (gaps.missing.length > 0) throw missingVariableError(snapshot, gaps);
      if (!html) return { subject: toHeaderValue(renderedSubject), text: body };
      return {
        subject: toHeaderValue(renderedSubject),
        text: renderedText ?? derivePlainText(stack, body),
        html: body,
      };
    },
    listTags: () => [
      ...tagsOf('subject', subject),
      ...tagsOf('content', content),
      ...(text === undefined ? [] : tagsOf('text', text)),
    ],
  };
}

function tagsOf(field: TemplateTag['field'], nodes: readonly TemplateNode[], within: TemplateTag['within'] = []): TemplateTag[] {
  return nodes.flatMap((node): TemplateTag[] => {
    if (typeof node === 'string') return [];
    const variable = node.name.path?.[0] ?? node.name.source;
    if (node.kind === 'variable') return [{ field, variable, kind: 'variable', within }];
    const section = { variable, kind: node.inverted ? ('inverted' as const) : ('section' as const) };
    return [{ field, ...section, within }, ...tagsOf(field, node.children, [...within, section])];
  });
}

function copyDefinition(definition: TemplateDefinition): TemplateDefinition {
  const { usageType, contentType, subject, content, locale, text, sendFrom, replyTo } = definition ?? {};
  const name = describeTemplate(String(usageType), typeof locale === 'string' ? locale : undefined);
  if (typeof usageType !== 'string') throw syntaxError(`${name} has no usageType string`);
  if (contentType !== 'text/plain' && contentType !== 'text/html') {
    throw syntaxError(`${name} has contentType ${JSON.stringify(contentType)}; use "text/plain" or "text/html"`);
  }
  for (const [field, value] of Object.entries({ subject, content })) {
    if (typeof value !== 'string') throw syntaxError(`${name} has no ${field} string`);
  }
  for (const [field, value] of Object.entries({ locale, text, sendFrom, replyTo })) {
    if (value !== undefined && typeof value !== 'string') throw syntaxError(`${name} has a ${field} that is not a string`);
  }
  return Object.fromEntries(
    Object.entries({ usageType, contentType, subject, content, locale, text, sendFrom, replyTo }).filter(
      ([, value]) => value !== undefined,
    ),
  ) as unknown as TemplateDefinition;
}

function compileField(definition: TemplateDefinition, field: string, source: string, escape: boolean): TemplateNode[] {
  let tokens: MustacheToken[];
  try {
    tokens = writer.parse(source, TAGS) as MustacheToken[];
  } catch (error) {
    throw syntaxError(`${templateName(definition)} does not compile: ${field}: ${errorText(error)}`, error);
  }
  return toNodes(tokens, (problem) => syntaxError(`${templateName(definition)} does not compile: ${field} ${problem}`), escape, 0);
}

function toNodes(
  tokens: readonly MustacheToken[],
  fail: (problem: string) => MailerError,
  escape: boolean,
  depth: number,
): TemplateNode[] {
  const nodes: TemplateNode[] = [];
  let text: string[] = [];
  const flushText = (): void => {
    if (text.length > 0) nodes.push(flatten(text.join('')));
    text = [];
  };
  for (const [type, value, , , children] of tokens) {
    if (type === 'text') {
      text.push(value);
      continue;
    }
    if (type === '!' || type === '=') continue;
    if (type === '>') throw fail(`uses the partial {{> ${value}}}, which is not supported: write its content in place`);
    if (value === '') throw fail(`has an empty {{}} tag: name a variable in it`);
    flushText();
    const name = toVariableName(value);
    if (type === '#' || type === '^') {
      if (depth === MAX_SECTION_DEPTH) {
        throw fail(`nests sections more than ${MAX_SECTION_DEPTH} deep, at {{${type}${value}}}: nest at most ${MAX_SECTION_DEPTH}`);
      }
      const body = toNodes(children ?? [], fail, escape, depth + 1);
      nodes.push({ kind: 'section', name, inverted: type === '^', children: body });
    } else {
      nodes.push({ kind: 'variable', name, escape: escape && type === 'name' });
    }
  }
  flushText();
  return nodes;
}

/**
 * Mustache builds each text token one character at a time, which V8 keeps as a rope of thousands
 * of pieces that every render would walk again. A JSON round trip copies it into one flat string,
 * losslessly (lone surrogates included), once, at compile time.
 */
function flatten(value: string): string {
  return JSON.parse(JSON.stringify(value)) as string;
}

function toVariableName(source: string): VariableName {
  return { source, path: source.indexOf('.') > 0 ? source.split('.') : undefined };
}

// Names every missing variable and, when an inverted section led to them (`{{^link}}...{{code}}`),
// the variable that would have left them out: "Pass code in payload, or link instead".
function missingVariableError(definition: TemplateDefinition, gaps: RenderGaps): MailerError {
  const names = [...new Set(gaps.missing)];
  const alternatives = [...new Set(gaps.alternatives)].filter((name) => !names.includes(name));
  const tags = names.map((name) => `{{${name}}}`).join(', ');
  const instead = alternatives.length === 0 ? '' : `, or ${alternatives.join(' or ')} instead`;
  return new MailerError(
    'MissingVariable',
    `Cannot render ${templateName(definition)}: it uses ${tags} but the payload has no value for ` +
      `${names.length === 1 ? 'it' : 'them'}. Pass ${names.join(', ')} in payload${instead} (null and undefined count as missing).`,
  );
}

function templateName(definition: TemplateDefinition): string {
  return describeTemplate(definition.usageType, definition.locale);
}

function syntaxError(message: string, cause?: unknown): MailerError {
  return new MailerError('TemplateSyntax', `${message}.`, cause === undefined ? {} : { cause });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
