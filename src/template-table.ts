/**
 * A fixed set of compiled templates, looked up by usage type and locale.
 *
 * @module
 */
import { compileTemplate, type CompiledTemplate } from './render/compile-template.js';
import type { TemplateDefinition } from './types.js';

const NO_LOCALE = '';

/**
 * Compiled templates by usage type and locale. Locales match case-insensitively, `_` counts as
 * `-`, and a tag is shortened one subtag at a time (`zh-Hant-TW` → `zh-Hant` → `zh` → no locale).
 * Among templates with the same usage type and locale, the first one wins.
 */
export class TemplateTable {
  readonly #byType = new Map<string, Map<string, CompiledTemplate>>();

  /**
   * Compiles every template.
   *
   * @param templates - The templates, in order of precedence.
   * @throws {MailerError} `TemplateSyntax` naming the first template that does not compile.
   */
  constructor(templates: readonly TemplateDefinition[]) {
    for (const definition of templates) {
      const compiled = compileTemplate(definition);
      const { usageType, locale } = compiled.definition;
      let byLocale = this.#byType.get(usageType);
      if (byLocale === undefined) this.#byType.set(usageType, (byLocale = new Map()));
      const key = locale === undefined ? NO_LOCALE : normalizeLocale(locale).toLowerCase();
      if (!byLocale.has(key)) byLocale.set(key, compiled);
    }
  }

  /**
   * Finds the template for a usage type, by exact locale, shorter locale, then no locale.
   *
   * @param usageType - The usage type.
   * @param locale - The locale asked for, or `undefined`.
   * @returns The template, or `undefined` when this table has none for the type.
   */
  find(usageType: string, locale: string | undefined): CompiledTemplate | undefined {
    const byLocale = this.#byType.get(usageType);
    if (byLocale === undefined) return undefined;
    let tag = locale === undefined ? NO_LOCALE : normalizeLocale(locale).toLowerCase();
    while (tag !== NO_LOCALE) {
      const found = byLocale.get(tag);
      if (found !== undefined) return found;
      tag = tag.slice(0, Math.max(tag.lastIndexOf('-'), 0));
    }
    return byLocale.get(NO_LOCALE);
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
