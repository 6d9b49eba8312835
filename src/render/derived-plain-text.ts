/**
 * The fast path for the plain-text part of an HTML template without a `text`: convert the HTML
 * template to text once, with each variable protected by a placeholder, and fill the values in
 * per send. Used only where that gives the same text as converting each rendered HTML body.
 *
 * @module
 */
import { htmlToPlainText } from './html-to-plain-text.js';
import { lookupVariable, toText, type TemplateNode, type VariableName } from './render-nodes.js';

/** Literal text, or a variable whose value is inserted as is (not escaped). */
export type DerivedTextNode = string | VariableName;

const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000v(\d+)\uE001/g;
const PRIVATE_MARK = /[\uE000\uE001]/;
// Text just before a variable that the value could complete into markup or an entity: `<`, `</`, `&amp`.
const UNSAFE_BEFORE_VARIABLE = /(?:<\/?|&[#A-Za-z0-9]*)$/;
const ATTRIBUTE_OPENING = /([^\s"'=<>/]+)\s*=\s*$/;
// A value html-to-text passes through unchanged: non-empty, no whitespace runs or ends, no
// control characters, and nothing an href treats specially (`#anchor`, `mailto:`).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SAFE_VALUE = /^(?!#|mailto:)[^\u0000-\u0020\u007f-\u009f\u200b]+(?: [^\u0000-\u0020\u007f-\u009f\u200b]+)*$/;

/**
 * Converts an HTML template to a plain-text template once, or tells that it cannot be done safely.
 * It succeeds only when the template is text and escaped `{{name}}` variables (no sections, no raw
 * `{{{name}}}`), every variable stands in text or in a quoted `href` value, and each one comes
 * out of the conversion exactly once.
 *
 * @param content - The compiled HTML content.
 * @returns The plain-text template, or `undefined` when the text must be derived per send.
 */
export function compileDerivedPlainText(content: readonly TemplateNode[]): DerivedTextNode[] | undefined {
  const variables: VariableName[] = [];
  let html = '';
  for (const node of content) {
    if (typeof node === 'string') {
      if (PRIVATE_MARK.test(node)) return undefined;
      html += node;
    } else if (node.kind === 'variable' && node.escape && !UNSAFE_BEFORE_VARIABLE.test(html)) {
      html += `${OPEN}v${variables.length}${CLOSE}`;
      variables.push(node.name);
    } else {
      return undefined;
    }
  }
  if (!placeholdersAreInSafeSpots(html)) return undefined;
  return splitAtPlaceholders(htmlToPlainText(html), variables);
}

/**
 * Renders a plain-text template from {@link compileDerivedPlainText}.
 *
 * @param nodes - The plain-text template.
 * @param stack - The context stack (the payload).
 * @returns The text, or `undefined` when a value could be changed by the HTML conversion (edge
 *   whitespace, an empty value, ...) so the rendered HTML must be converted instead.
 */
export function renderDerivedPlainText(nodes: readonly DerivedTextNode[], stack: readonly unknown[]): string | undefined {
  let output = '';
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index] as DerivedTextNode;
    if (typeof node === 'string') {
      output += node;
      continue;
    }
    const value = lookupVariable(stack, node);
    if (value === null || value === undefined || typeof value === 'function') return undefined;
    const text = toText(value);
    if (text === undefined || !SAFE_VALUE.test(text)) return undefined;
    output += text;
  }
  return output;
}

/** Tells whether every placeholder stands in text or inside a quoted `href` attribute value. */
function placeholdersAreInSafeSpots(html: string): boolean {
  let state: 'text' | 'tag' | 'quoted' | 'comment' = 'text';
  let quote = '';
  let tagStart = 0;
  let inHref = false;
  for (let index = 0; index < html.length; index++) {
    const character = html[index];
    if (character === OPEN && !(state === 'text' || (state === 'quoted' && inHref))) return false;
    if (state === 'text') {
      if (html.startsWith('<!--', index)) {
        state = 'comment';
        index += 3;
      } else if (character === '<' && /[A-Za-z/!?]/.test(html[index + 1] ?? '')) {
        state = 'tag';
        tagStart = index;
      }
    } else if (state === 'comment') {
      if (html.startsWith('-->', index)) {
        state = 'text';
        index += 2;
      }
    } else if (state === 'quoted') {
      if (character === quote) state = 'tag';
    } else if (character === '>') {
      state = 'text';
    } else if (character === '"' || character === "'") {
      const attribute = ATTRIBUTE_OPENING.exec(html.slice(tagStart + 1, index));
      if (attribute) {
        state = 'quoted';
        quote = character;
        inHref = attribute[1]?.toLowerCase() === 'href';
      }
    }
  }
  return true;
}

/** Splits converted text at the placeholders; `undefined` unless each appears exactly once. */
function splitAtPlaceholders(text: string, variables: readonly VariableName[]): DerivedTextNode[] | undefined {
  const nodes: DerivedTextNode[] = [];
  const seen = new Set<number>();
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const index = Number(match[1]);
    const name = variables[index];
    if (name === undefined || seen.has(index)) return undefined;
    seen.add(index);
    if (match.index > last) nodes.push(text.slice(last, match.index));
    nodes.push(name);
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  const literal = nodes.some((node) => typeof node === 'string' && PRIVATE_MARK.test(node));
  return seen.size === variables.length && !literal ? nodes : undefined;
}
