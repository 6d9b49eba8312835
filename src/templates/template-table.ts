/**
 * A fixed set of compiled templates, looked up by usage type and locale.
 *
 * @module
 */
import { compileTemplate, type CompiledTemplate } from '../render/compile-template.js';
import type { TemplateChoice, TemplateSource } from '../types/send.js';
import type { TemplateDefinition } from '../types/template.js';
import { localeKey } from './locale.js';

const NO_LOCALE = '';

/** A template ready to render, and the {@link TemplateChoice} that reports it. */
export interface FoundTemplate {
  /** The compiled template. */
  readonly template: CompiledTemplate;
  /** Which template it is, for `SendResult.template` and `MailMessage.locale`. */
  readonly choice: TemplateChoice;
}

/** How a {@link TemplateTable} compiles its templates. */
export interface TemplateTableOptions {
  /** Where the templates come from, as {@link TemplateChoice.source} reports it. */
  source: Exclude<TemplateSource, 'store'>;
  /**
   * Compile each template on its first lookup instead of in the constructor. Only for templates
   * known to compile (the built-in ones): a `TemplateSyntax` error would surface at that lookup.
   *
   * @default false
   */
  compileOnFirstUse?: boolean;
}

/** A template as the table holds it: compiled now, or compiled on its first lookup. */
interface Entry {
  definition: TemplateDefinition;
  choice: TemplateChoice;
  found?: FoundTemplate;
}

/**
 * Compiled templates by usage type and locale. Locales match by canonical form, case-insensitively
 * (`pt-br` finds `pt-BR`). Among templates with the same usage type and locale, the first one wins.
 */
export class TemplateTable {
  readonly #byType = new Map<string, Map<string, Entry>>();

  /**
   * Compiles every template, unless `options.compileOnFirstUse` is set.
   *
   * @param templates - The templates, in order of precedence.
   * @param options - Where the templates come from, and when to compile them.
   * @throws {MailerError} `TemplateSyntax` naming the first template that does not compile.
   */
  constructor(templates: readonly TemplateDefinition[], options: TemplateTableOptions) {
    for (const template of templates) {
      const compiled = options.compileOnFirstUse === true ? undefined : compileTemplate(template);
      const definition = compiled?.definition ?? template;
      const { usageType, locale } = definition;
      let byLocale = this.#byType.get(usageType);
      if (byLocale === undefined) this.#byType.set(usageType, (byLocale = new Map()));
      const key = locale === undefined ? NO_LOCALE : localeKey(locale);
      if (byLocale.has(key)) continue;
      const choice: TemplateChoice = Object.freeze(
        locale === undefined ? { usageType, source: options.source } : { usageType, locale, source: options.source },
      );
      byLocale.set(key, { definition, choice, ...(compiled === undefined ? {} : { found: { template: compiled, choice } }) });
    }
  }

  /**
   * Finds the template for a usage type: the first tag of `tags` it has, else its template without
   * a locale.
   *
   * @param usageType - The usage type.
   * @param tags - The locale lookup chain (canonical tags, as `localeLookupChain` gives them).
   * @returns The template, or `undefined` when this table has none for the type.
   * @throws {MailerError} `TemplateSyntax` when a template compiled on first use does not compile.
   */
  find(usageType: string, tags: readonly string[]): FoundTemplate | undefined {
    const byLocale = this.#byType.get(usageType);
    if (byLocale === undefined) return undefined;
    let entry: Entry | undefined;
    for (const tag of tags) {
      entry = byLocale.get(tag.toLowerCase());
      if (entry !== undefined) break;
    }
    entry ??= byLocale.get(NO_LOCALE);
    if (entry === undefined) return undefined;
    entry.found ??= { template: compileTemplate(entry.definition), choice: entry.choice };
    return entry.found;
  }
}
