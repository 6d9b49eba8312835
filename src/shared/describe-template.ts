/**
 * How error messages name a template.
 *
 * @module
 */

/**
 * Names a template by usage type and locale for error messages: `template "SignIn" (locale pt-BR)`.
 *
 * @param usageType - The template's usage type.
 * @param locale - The template's locale, or `undefined` for the template without one.
 * @returns A short phrase naming the template.
 */
export function describeTemplate(usageType: string, locale: string | undefined): string {
  const where = locale === undefined ? 'no locale' : `locale ${JSON.stringify(locale)}`;
  return `template ${JSON.stringify(usageType)} (${where})`;
}
