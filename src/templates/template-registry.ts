/**
 * Chooses the template for a send: the template store first, then the config's templates, each along
 * the locale lookup chain and then without a locale; then the same for `Generic`; then the built-in
 * templates, the same way.
 *
 * @module
 */
import { isMailerError, MailerError } from '../errors/mailer-error.js';
import { summaryOf } from '../errors/summary-of.js';
import { compileTemplate, type CompiledTemplate } from '../render/compile-template.js';
import { describeTemplate } from '../shared/describe-template.js';
import { loadPlainTextConverter } from '../render/html-to-plain-text.js';
import type { TemplateChoice } from '../types/send.js';
import type { TemplateDefinition, TemplateStore } from '../types/template.js';
import { localeLookupChain } from './locale.js';
import { TemplateTable, type FoundTemplate } from './template-table.js';

const GENERIC = 'Generic';
const STORE_CACHE_SIZE = 256;
const DEFINITION_FIELDS = ['usageType', 'contentType', 'subject', 'content', 'locale', 'text', 'sendFrom', 'replyTo'] as const;

/**
 * Checks what a template store returned for `(usageType, locale)` before it is compiled.
 *
 * @param answer - The store's answer, neither `undefined` nor `null`.
 * @param usageType - The usage type the store was asked for.
 * @param locale - The locale the store was asked for, or `undefined`.
 * @returns The template, holding the checked fields only.
 * @throws {@link MailerError} `InvalidConfig` for a malformed template.
 */
export type CheckStoredTemplate = (answer: unknown, usageType: string, locale: string | undefined) => TemplateDefinition;

/** The built-in templates, or a function that loads them when a lookup first needs them. */
export type BuiltInTemplates = readonly TemplateDefinition[] | (() => Promise<readonly TemplateDefinition[]>);

/** A template store and the check its answers pass. */
export interface CheckedTemplateStore {
  /** The caller's store. */
  readonly templateStore: TemplateStore;
  /** Checks each answer before it is compiled. */
  readonly check: CheckStoredTemplate;
}

/**
 * Holds the compiled config templates and finds the template for a usage type and locale.
 *
 * The locale is read by `localeLookupChain`: one tag or an `Accept-Language` list, canonicalized
 * (`pt-br` → `pt-BR`), each preferred tag shortened one subtag at a time (`zh-Hant-TW` → `zh-Hant`
 * → `zh`), at most `MAX_LOCALE_TAGS` tags, then the template without a locale; a malformed locale
 * counts as none. That includes the contract's exact → language subtag → none. Among config
 * templates with the same usage type and locale, the first one wins. The built-in templates are
 * consulted only when neither the store nor the config has a template for the type or for
 * `Generic`: the user's own templates always win where they apply.
 *
 * A store's template is checked by the store's `check` (the factory passes the config's own
 * template checks, `parseStoredTemplate`), then compiled on
 * first use and cached, by object and by content, so a store that returns fresh objects does not
 * recompile on every send. Built-in templates are compiled on first use too, so a mailer that never
 * falls back on them does not pay for compiling them. A template found is ready to render: for one
 * that derives its text part from its HTML, `find` first loads the plain-text converter (once per
 * process).
 *
 * @example
 * ```ts
 * const registry = new TemplateRegistry(config.templates, { templateStore, check: parseStoredTemplate });
 * const { template, choice } = await registry.find('SignIn', 'pt-BR,pt;q=0.9');
 * const { subject, text, html } = template.render({ code: '123456' });
 * ```
 */
export class TemplateRegistry {
  readonly #config: TemplateTable;
  /** The built-in templates once loaded; until then `#loadBuiltIn` fetches them. */
  #builtIn: TemplateTable | undefined;
  #loadBuiltIn: (() => Promise<TemplateTable>) | undefined;
  readonly #store: CheckedTemplateStore | undefined;
  readonly #storedByObject = new WeakMap<object, CompiledTemplate>();
  readonly #storedByContent = new Map<string, CompiledTemplate>();

  /**
   * Compiles every config template now; built-in templates are compiled on first use.
   *
   * @param templates - The config's templates.
   * @param store - Consulted before the config's templates on every lookup, with the check its answers pass.
   * @param builtIn - Templates used only where neither the store nor the config has one, or a
   *   function that loads them on the first lookup that needs them (the built-in copy in twenty
   *   languages is loaded only by a mailer that falls back on it).
   * @throws {MailerError} `TemplateSyntax` naming the first template that does not compile.
   */
  constructor(templates: readonly TemplateDefinition[], store?: CheckedTemplateStore, builtIn: BuiltInTemplates = []) {
    this.#store = store;
    this.#config = new TemplateTable(templates, { source: 'config' });
    const table = (definitions: readonly TemplateDefinition[]): TemplateTable =>
      new TemplateTable(definitions, { source: 'builtin', compileOnFirstUse: true });
    if (typeof builtIn !== 'function') this.#builtIn = table(builtIn);
    else this.#loadBuiltIn = memoize(() => builtIn().then((definitions) => (this.#builtIn = table(definitions)), builtInLoadError));
  }

  /** Whether lookups ask a template store: the caller's code, which may be slow or never answer. */
  get asksStore(): boolean {
    return this.#store !== undefined;
  }

  /**
   * Finds the template for a usage type and locale, falling back to `Generic`.
   *
   * @param usageType - The usage type of the send.
   * @param locale - `payload.locale`: a tag, an `Accept-Language` list, or anything else (no locale).
   * @returns The compiled template, ready to render, and which template it is. The store is asked
   *   at most `2 × (MAX_LOCALE_TAGS + 1)` times.
   * @throws {MailerError} `TemplateNotFound` when neither the type nor `Generic` has a template;
   *   `Unavailable` when the template store fails or the plain-text converter cannot be loaded;
   *   `InvalidConfig` when the store returns a malformed template (see `parseStoredTemplate`);
   *   `TemplateSyntax` when it returns one that does not compile.
   */
  find(usageType: string, locale: unknown): Promise<FoundTemplate> {
    const tags = localeLookupChain(locale);
    if (this.#store !== undefined) return this.#findWithStore(this.#store.templateStore, usageType, tags);
    const found = findInTable(this.#config, usageType, tags);
    return found === undefined ? this.#findBuiltIn(usageType, tags) : whenReady(found);
  }

  /** The built-in template for the type (or `Generic`), loading the built-in templates first if need be. */
  async #findBuiltIn(usageType: string, tags: readonly string[]): Promise<FoundTemplate> {
    const table = this.#builtIn ?? (await this.#loadBuiltIn?.());
    // A built-in template is compiled on first use: one that does not compile throws here.
    const found = table === undefined ? undefined : findInTable(table, usageType, tags);
    if (found === undefined) throw notFoundError(usageType, tags);
    return whenReady(found);
  }

  async #findWithStore(store: TemplateStore, usageType: string, tags: readonly string[]): Promise<FoundTemplate> {
    const types = usageType === GENERIC ? [usageType] : [usageType, GENERIC];
    for (const type of types) {
      for (let index = 0; index <= tags.length; index++) {
        const tag = tags[index]; // undefined after the last tag: the template without a locale
        const answer: unknown = await findInStore(store, type, tag);
        if (answer !== undefined && answer !== null) return whenReady(this.#useStored(answer, type, tag));
      }
      const found = this.#config.find(type, tags);
      if (found !== undefined) return whenReady(found);
    }
    return this.#findBuiltIn(usageType, tags);
  }

  /** The store's answer for `(type, tag)`, checked and compiled, or taken from the cache. */
  #useStored(answer: unknown, type: string, tag: string | undefined): FoundTemplate {
    const choice: TemplateChoice = Object.freeze(
      tag === undefined ? { usageType: type, source: 'store' } : { usageType: type, locale: tag, source: 'store' },
    );
    const isObject = typeof answer === 'object';
    const known = isObject ? this.#storedByObject.get(answer as object) : undefined;
    if (known !== undefined && isUnchanged(known.definition, answer as TemplateDefinition)) return { template: known, choice };
    const definition = (this.#store as CheckedTemplateStore).check(answer, type, tag);
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
    return { template: compiled, choice };
  }
}

/** The type's template in `table`, else its `Generic` one. */
function findInTable(table: TemplateTable, usageType: string, tags: readonly string[]): FoundTemplate | undefined {
  return table.find(usageType, tags) ?? (usageType === GENERIC ? undefined : table.find(GENERIC, tags));
}

/** Resolves to `found` once it can render: after loading the plain-text converter, if it needs it. */
function whenReady(found: FoundTemplate): Promise<FoundTemplate> {
  return found.template.derivesText ? loadPlainTextConverter().then(() => found) : Promise.resolve(found);
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
    const reason = isMailerError(error) ? summaryOf(error) : error instanceof Error ? error.message : String(error);
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
    return false; // the store's check reports it
  }
}

/** `load`, run once: every later call gets the first call's promise. */
function memoize<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}

function builtInLoadError(cause: unknown): never {
  throw new MailerError(
    'Unavailable',
    'Cannot load the built-in templates (see cause): the installed package may be damaged. Reinstall auth-mailer, or give templates of your own.',
    { cause },
  );
}

function notFoundError(usageType: string, tags: readonly string[]): MailerError {
  return new MailerError(
    'TemplateNotFound',
    `No template for ${describeTemplate(usageType, tags[0])} and no "Generic" template to fall back on. ` +
      `Add a template with usageType ${JSON.stringify(usageType)} or "Generic" to the config's templates or the template store.`,
  );
}
