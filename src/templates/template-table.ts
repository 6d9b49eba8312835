/**
 * A fixed set of compiled templates, looked up by usage type and locale.
 *
 * @module
 */
import { compileTemplate, type CompiledTemplate } from '../render/compile-template.js';
import type { TemplateDefinition } from '../types/template.js';

const NO_LOCALE = '';

/** How a {@link TemplateTable} compiles its templates. */
export interface TemplateTableOptions {
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
  compiled?: CompiledTemplate;
}

/**
 * Compiled templates by usage type and locale. Locales match case-insensitively, `_` counts as
 * `-`, and a tag is shortened one subtag at a time (`zh-Hant-TW` → `zh-Hant` → `zh` → no locale).
 * Among templates with the same usage type and locale, the first one wins.
 */
export class TemplateTable {
  readonly #byType = new Map<string, Map<string, Entry>>();

  /**
   * Compiles every template, unless `options.compileOnFirstUse` is set.
   *
   * @param templates - The templates, in order of precedence.
   * @param options - When to compile.
   * @throws {MailerError} `TemplateSyntax` naming the first template that does not compile.
   */
  constructor(templates: readonly TemplateDefinition[], options: TemplateTableOptions = {}) {
    for (const template of templates) {
      const compiled = options.compileOnFirstUse === true ? undefined : compileTemplate(template);
      const definition = compiled?.definition ?? template;
      const { usageType, locale } = definition;
      let byLocale = this.#byType.get(usageType);
      if (byLocale === undefined) this.#byType.set(usageType, (byLocale = new Map()));
      const key = locale === undefined ? NO_LOCALE : normalizeLocale(locale).toLowerCase();
      if (!byLocale.has(key)) byLocale.set(key, compiled === undefined ? { definition } : { definition, compiled });
    }
  }

  /**
   * Finds the template for a usage type, by exact locale, shorter locale, then no locale.
   *
   * @param usageType - The usage type.
   * @param locale - The locale asked for, or `undefined`.
   * @returns The template, or `undefined` when this table has none for the type.
   * @throws {MailerError} `TemplateSyntax` when a template compiled on first use does not compile.
   */
  find(usageType: string, locale: string | undefined): CompiledTemplate | undefined {
    const byLocale = this.#byType.get(usageType);
    if (byLocale === undefined) return undefined;
    let tag = locale === undefined ? NO_LOCALE : normalizeLocale(locale).toLowerCase();
    let found = byLocale.get(tag);
    while (found === undefined && tag !== NO_LOCALE) {
      tag = tag.slice(0, Math.max(tag.lastIndexOf('-'), 0));
      found = byLocale.get(tag);
    }
    if (found === undefined) return undefined;
    found.compiled ??= compileTemplate(found.definition);
    return found.compiled;
  }
}

/**
 * Writes a locale tag the way lookups compare it: `pt_BR ` → `pt-BR`; an empty tag means no locale.
 *
 * @param locale - The tag as given.
 * @returns The trimmed tag with `-` separators.
 */
export function normalizeLocale(locale: string): string {
  return locale.trim().replaceAll('_', '-');
}
