/**
 * Chooses the template for a send: the template store first, then the config's templates, each by
 * exact locale, shorter locale, then no locale; then the same for `Generic`; then the built-in
 * templates, the same way.
 *
 * @module
 */
import { parseStoredTemplate } from './config/parse-stored-template.js';
import { isMailerError, MailerError } from './errors.js';
import { compileTemplate, type CompiledTemplate } from './render/compile-template.js';
import { describeTemplate } from './render/describe-template.js';
import { loadPlainTextConverter } from './render/html-to-plain-text.js';
import { normalizeLocale, TemplateTable } from './template-table.js';
import type { TemplateDefinition, TemplateStore } from './types.js';

const GENERIC = 'Generic';
const NO_LOCALE = '';
const STORE_CACHE_SIZE = 256;
const DEFINITION_FIELDS = ['usageType', 'contentType', 'subject', 'content', 'locale', 'text', 'sendFrom', 'replyTo'] as const;

/**
 * Holds the compiled config templates and finds the template for a usage type and locale.
 *
 * Locales match case-insensitively, `_` counts as `-`, and a tag is shortened one subtag at a time
 * (`zh-Hant-TW` → `zh-Hant` → `zh` → no locale), which includes the contract's exact → language
 * subtag → none. Among config templates with the same usage type and locale, the first one wins.
 * The built-in templates are consulted only when neither the store nor the config has a template
 * for the type or for `Generic`: the user's own templates always win where they apply.
 * A store's template is checked as a config template is (`parseStoredTemplate`), then compiled on
 * first use and cached, by object and by content, so a store that returns fresh objects does not
 * recompile on every send. Built-in templates are compiled on first
 * use too, so a mailer that never falls back on them does not pay for compiling them. A template
 * found is ready to render: for one that derives its text part from its HTML, `find` first loads
 * the plain-text converter (once per process).
 *
 * @example
 * ```ts
 * const registry = new TemplateRegistry(config.templates, options.templateStore);
 * const template = await registry.find('SignIn', 'pt-BR');
 * const { subject, text, html } = template.render({ code: '123456' });
 * ```
 */
export class TemplateRegistry {
  readonly #config: TemplateTable;
  readonly #builtIn: TemplateTable;
  readonly #store: TemplateStore | undefined;
  readonly #storedByObject = new WeakMap<object, CompiledTemplate>();
  readonly #storedByContent = new Map<string, CompiledTemplate>();

  /**
   * Compiles every config template now; built-in templates are compiled on first use.
   *
   * @param templates - The config's templates.
   * @param store - Consulted before the config's templates on every lookup.
   * @param builtIn - Templates used only where neither the store nor the config has one.
   * @throws {MailerError} `TemplateSyntax` naming the first template that does not compile.
   */
  constructor(templates: readonly TemplateDefinition[], store?: TemplateStore, builtIn: readonly TemplateDefinition[] = []) {
    this.#store = store;
    this.#config = new TemplateTable(templates);
    this.#builtIn = new TemplateTable(builtIn, { compileOnFirstUse: true });
  }

  /** Whether lookups ask a template store: the caller's code, which may be slow or never answer. */
  get asksStore(): boolean {
    return this.#store !== undefined;
  }

  /**
   * Finds the template for a usage type and locale, falling back to `Generic`.
   *
   * @param usageType - The usage type of the send.
   * @param locale - The locale asked for (`payload.locale`), or `undefined`; a non-string counts as none.
   * @returns The compiled template, ready to render.
   * @throws {MailerError} `TemplateNotFound` when neither the type nor `Generic` has a template;
   *   `Unavailable` when the template store fails or the plain-text converter cannot be loaded;
   *   `InvalidConfig` when the store returns a malformed template (see `parseStoredTemplate`);
   *   `TemplateSyntax` when it returns one that does not compile.
   */
  find(usageType: string, locale: string | undefined): Promise<CompiledTemplate> {
    if (typeof locale !== 'string') locale = undefined;
    if (this.#store !== undefined) return this.#findWithStore(this.#store, usageType, locale);
    let found: CompiledTemplate | undefined;
    try {
      found = findInTable(this.#config, usageType, locale) ?? findInTable(this.#builtIn, usageType, locale);
    } catch (error) {
      return Promise.reject(error); // a built-in template compiled on first use that does not compile
    }
    return found === undefined ? Promise.reject(notFoundError(usageType, locale)) : whenReady(found);
  }

  async #findWithStore(store: TemplateStore, usageType: string, locale: string | undefined): Promise<CompiledTemplate> {
    const types = usageType === GENERIC ? [usageType] : [usageType, GENERIC];
    for (const type of types) {
      for (const tag of localeChain(locale)) {
        const answer: unknown = await findInStore(store, type, tag);
        if (answer !== undefined && answer !== null) return whenReady(this.#useStored(answer, type, tag));
      }
      const found = this.#config.find(type, locale);
      if (found !== undefined) return whenReady(found);
    }
    const builtIn = findInTable(this.#builtIn, usageType, locale);
    if (builtIn !== undefined) return whenReady(builtIn);
    throw notFoundError(usageType, locale);
  }

  /** The store's answer for `(type, tag)`, checked and compiled, or taken from the cache. */
  #useStored(answer: unknown, type: string, tag: string | undefined): CompiledTemplate {
    const isObject = typeof answer === 'object';
    const known = isObject ? this.#storedByObject.get(answer as object) : undefined;
    if (known !== undefined && isUnchanged(known.definition, answer as TemplateDefinition)) return known;
    const definition = parseStoredTemplate(answer, type, tag);
    const key = JSON.stringify(DEFINITION_FIELDS.map((field) => definition[field]));
    let compiled = this.#storedByContent.get(key);
    if (compiled === undefined) {
      compiled = compileStored(definition, type, tag);
      if (this.#storedByContent.size >= STORE_CACHE_SIZE) {
        this.#storedByContent.delete(this.#storedByContent.keys().next().value as string);
      }
    } else {
      this.#storedByContent.delete(key);
    }
    this.#storedByContent.set(key, compiled);
    if (isObject) this.#storedByObject.set(answer as object, compiled);
    return compiled;
  }
}

/** The type's template in `table`, else its `Generic` one. */
function findInTable(table: TemplateTable, usageType: string, locale: string | undefined): CompiledTemplate | undefined {
  return table.find(usageType, locale) ?? (usageType === GENERIC ? undefined : table.find(GENERIC, locale));
}

/** Resolves to `template` once it can render: after loading the plain-text converter, if it needs it. */
function whenReady(template: CompiledTemplate): Promise<CompiledTemplate> {
  return template.derivesText ? loadPlainTextConverter().then(() => template) : Promise.resolve(template);
}

/** The tags to ask the store for, in order: `zh-Hant-TW`, `zh-Hant`, `zh`, then `undefined`. */
function localeChain(locale: string | undefined): (string | undefined)[] {
  const chain: (string | undefined)[] = [];
  let tag = locale === undefined ? NO_LOCALE : normalizeLocale(locale);
  while (tag !== NO_LOCALE) {
    chain.push(tag);
    tag = tag.slice(0, Math.max(tag.lastIndexOf('-'), 0));
  }
  chain.push(undefined);
  return chain;
}

async function findInStore(
  store: TemplateStore,
  type: string,
  tag: string | undefined,
): Promise<unknown> {
  try {
    return await store.findTemplate(type, tag);
  } catch (error) {
    if (isMailerError(error)) throw error;
    throw new MailerError(
      'Unavailable',
      `The template store failed to look up ${describeTemplate(type, tag)}. Try again later, and check the store's database.`,
      { cause: error },
    );
  }
}

function compileStored(definition: TemplateDefinition, type: string, tag: string | undefined): CompiledTemplate {
  try {
    return compileTemplate(definition);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MailerError(
      'TemplateSyntax',
      `The template store returned a broken template for ${describeTemplate(type, tag)}: ${reason}`,
      { cause: error },
    );
  }
}

/** Whether `candidate` still holds what `compiled` was compiled from; `false` when reading it throws. */
function isUnchanged(compiled: TemplateDefinition, candidate: TemplateDefinition): boolean {
  try {
    return DEFINITION_FIELDS.every((field) => compiled[field] === candidate[field]);
  } catch {
    return false; // parseStoredTemplate reports it
  }
}

function notFoundError(usageType: string, locale: string | undefined): MailerError {
  return new MailerError(
    'TemplateNotFound',
    `No template for ${describeTemplate(usageType, locale)} and no "Generic" template to fall back on. ` +
      `Add a template with usageType ${JSON.stringify(usageType)} or "Generic" to the config's templates or the template store.`,
  );
}
