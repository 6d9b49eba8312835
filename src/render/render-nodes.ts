/**
 * The renderer's own template tree and the walker that renders it with mustache's semantics:
 * context-stack lookup, dotted names, `{{.}}`, sections over lists, objects and truthy values,
 * inverted sections. Unlike mustache it reports every variable it reaches without a value.
 *
 * @module
 */
import { MailerError } from '../errors/mailer-error.js';
import { escapeHtml } from './escape-html.js';

/** A variable name as written in a tag, with its dotted path split once at compile time. */
export interface VariableName {
  /** The name as written: `code`, `user.name`, `.`. */
  readonly source: string;
  /** The segments of a dotted name (`['user', 'name']`); `undefined` for a plain name or `.`. */
  readonly path: readonly string[] | undefined;
}

/** A `{{name}}`, `{{{name}}}` or `{{& name}}` tag. */
export interface VariableNode {
  /** Tells the node kinds apart. */
  readonly kind: 'variable';
  /** The variable it renders. */
  readonly name: VariableName;
  /** Whether the value is HTML-escaped (`{{name}}` in HTML content). */
  readonly escape: boolean;
}

/** A `{{#name}}...{{/name}}` or `{{^name}}...{{/name}}` section. */
export interface SectionNode {
  /** Tells the node kinds apart. */
  readonly kind: 'section';
  /** The variable that decides whether (and how often) the section renders. */
  readonly name: VariableName;
  /** `true` for `{{^name}}`: renders when the value is falsy or an empty list. */
  readonly inverted: boolean;
  /** The section's body. */
  readonly children: readonly TemplateNode[];
}

/** What a rendering reached without a value: collected over the whole render, then reported at once. */
export interface RenderGaps {
  /** Every variable reached without a value, in order, repeats included. */
  readonly missing: string[];
  /**
   * The variables of inverted sections (`{{^link}}`) that rendered because the variable was absent
   * and reached a missing variable inside: passing one of them instead leaves that part out.
   */
  readonly alternatives: string[];
}

/** One piece of a compiled template: literal text (adjacent text already joined), a variable or a section. */
export type TemplateNode = string | VariableNode | SectionNode;

/**
 * Looks `name` up the context stack the way mustache does, innermost context first, among the
 * members `isReachable` allows: own properties and those a class instance inherits, never
 * `constructor`, `__proto__` or Object.prototype's members.
 * A function value is called with the innermost context as `this` and its result is used instead.
 *
 * @param stack - The context stack; the payload at index 0, section contexts above it.
 * @param name - The variable to look up.
 * @returns The value, or `undefined` when no context has it.
 */
export function lookupVariable(stack: readonly unknown[], name: VariableName): unknown {
  const top = stack[stack.length - 1];
  let value: unknown;
  if (name.source === '.') {
    value = top;
  } else if (name.path === undefined) {
    for (let index = stack.length - 1; index >= 0; index--) {
      const view = stack[index];
      if (typeof view === 'object' && view !== null && isReachable(view, name.source)) {
        value = (view as Record<string, unknown>)[name.source];
        break;
      }
    }
  } else {
    value = lookupPath(stack, name.path);
  }
  return typeof value === 'function' ? (value as (this: unknown) => unknown).call(top) : value;
}

function lookupPath(stack: readonly unknown[], path: readonly string[]): unknown {
  const last = path.length - 1;
  for (let index = stack.length - 1; index >= 0; index--) {
    let current = stack[index];
    for (let segment = 0; current !== null && current !== undefined && segment <= last; segment++) {
      const key = path[segment] as string;
      const hit = isReachable(current as object, key);
      if (segment === last && hit) return (current as Record<string, unknown>)[key];
      current = hit ? (current as Record<string, unknown>)[key] : undefined;
    }
  }
  return undefined;
}

/**
 * Tells whether a template may read `key` of `view`. Like mustache, it reaches the getters and
 * methods an object inherits from its class (an ORM row's fields), but only the own properties of
 * a string, number or function. Unlike mustache, it never reaches `constructor` or `__proto__`, nor
 * what every object inherits from Object.prototype (`toString`, `hasOwnProperty`...): a template's
 * typo stays a missing variable, and prototype pollution cannot put text in a message.
 *
 * @param view - A context object, or a value on a dotted path (never `null` or `undefined`).
 * @param key - A name, or one segment of a dotted name.
 * @returns Whether the lookup finds `key` on `view`.
 */
function isReachable(view: object, key: string): boolean {
  if (Object.hasOwn(view, key)) return true;
  if (typeof view !== 'object' || key === 'constructor' || key === '__proto__') return false;
  let proto = Object.getPrototypeOf(view) as object | null;
  while (proto !== null && proto !== Object.prototype) {
    if (Object.hasOwn(proto, key)) return true;
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return false;
}

/**
 * Turns a variable's value into text as `String(value)` does, without throwing.
 *
 * @param value - A value found in the payload (not `null`, `undefined` or a function).
 * @returns The text, or `undefined` for a value that has none: a symbol, an object without
 *   prototype, an object whose `toString` or `Symbol.toPrimitive` throws or returns an object.
 */
export function toText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'symbol') return undefined;
  try {
    return String(value);
  } catch {
    return undefined;
  }
}

/**
 * Renders `nodes` against the context `stack`. A variable it reaches whose value is `null` or
 * `undefined` renders nothing and its name is pushed onto `gaps.missing`; sections treat such values
 * as falsy, and an inverted section over an absent variable that reaches a missing one pushes its
 * own variable onto `gaps.alternatives`. Numbers render as `String(n)`. A function value is called (see {@link lookupVariable}); one
 * that returns a function, a mustache lambda for higher-order sections, is not supported: an
 * inverted section over it renders nothing (it is truthy, as in mustache), anything else throws.
 *
 * @param nodes - The compiled template.
 * @param stack - The context stack (mutated during sections, restored on return).
 * @param gaps - Receives every variable reached without a value, and the alternatives to it.
 * @returns The rendered text.
 * @throws {MailerError} `MissingVariable` when a variable's value cannot be rendered as text (see
 *   {@link toText}) or is a function, and when a section's value is a function: the contract's
 *   nearest code, since the payload holds no usable value for it.
 */
export function renderNodes(nodes: readonly TemplateNode[], stack: unknown[], gaps: RenderGaps): string {
  let output = '';
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index] as TemplateNode;
    if (typeof node === 'string') {
      output += node;
    } else if (node.kind === 'variable') {
      const value = lookupVariable(stack, node.name);
      if (value === null || value === undefined) {
        gaps.missing.push(node.name.source);
        continue;
      }
      const text = typeof value === 'function' ? undefined : toText(value);
      if (text === undefined) throw unusableValueError(node.name.source, value, false);
      output += node.escape && typeof value !== 'number' ? escapeHtml(text) : text;
    } else {
      output += renderSection(node, stack, gaps);
    }
  }
  return output;
}

function renderSection(node: SectionNode, stack: unknown[], gaps: RenderGaps): string {
  const value = lookupVariable(stack, node.name);
  if (node.inverted) {
    if (value && !(Array.isArray(value) && value.length === 0)) return '';
    const before = gaps.missing.length;
    const output = renderNodes(node.children, stack, gaps);
    if ((value === null || value === undefined) && gaps.missing.length > before) gaps.alternatives.push(node.name.source);
    return output;
  }
  if (!value) return '';
  if (typeof value === 'function') throw unusableValueError(node.name.source, value, true);
  if (Array.isArray(value)) {
    let output = '';
    for (const item of value) output += renderWithContext(node.children, stack, item, gaps);
    return output;
  }
  if (typeof value === 'object' || typeof value === 'string' || typeof value === 'number') {
    return renderWithContext(node.children, stack, value, gaps);
  }
  return renderNodes(node.children, stack, gaps);
}

function renderWithContext(nodes: readonly TemplateNode[], stack: unknown[], view: unknown, gaps: RenderGaps): string {
  stack.push(view);
  const output = renderNodes(nodes, stack, gaps);
  stack.pop();
  return output;
}

function unusableValueError(name: string, value: unknown, section: boolean): MailerError {
  const kind =
    typeof value === 'function'
      ? 'a function that returns a function (a mustache lambda for higher-order sections), which auth-mailer does not support'
      : `${typeof value === 'symbol' ? 'a symbol' : 'an object without a usable toString'}, which cannot be rendered as text`;
  const instead = section ? 'a list, an object, a string, a number or a boolean' : 'a string or a number';
  return new MailerError(
    'MissingVariable',
    `Cannot render {{${section ? '#' : ''}${name}}}: its value is ${kind}. Pass ${instead} for ${name} in payload.`,
  );
}
