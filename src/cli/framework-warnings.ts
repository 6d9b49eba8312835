/**
 * The warnings of `auth-mailer check --framework <name>`: template variables that the framework's
 * adapter never sends, which would fail those sends with `MissingVariable` in production.
 *
 * @module
 */
import { suggestKey } from '../config/suggest-key.js';
import type { ConfigIssue } from '../errors/mailer-error.js';
import { compileTemplate, type CompiledTemplate, type TemplateTag } from '../render/compile-template.js';
import type { FrameworkVariables } from '../types/framework-variables.js';
import type { TemplateDefinition } from '../types/template.js';

/**
 * Checks a raw config's templates against what one framework sends. A template of a type the
 * framework sends is checked against that type's variables; the `Generic` template against each
 * type the framework sends that has no template of its own (it stands in for them) and against
 * `Generic` itself when the framework sends that type; a template of a
 * type the framework never sends gets a warning of its own (a typo, or a type only your own code
 * sends). A `{{name}}` the framework never fills fails the send; a `{{#name}}` section on one never
 * shows. Templates that do not compile are left to the config's validation.
 *
 * @param config - The config as written; any shape is accepted.
 * @param sends - What the framework's adapter sends.
 * @returns One warning per template field and variable, located by path; empty when all fit.
 */
export function frameworkWarnings(config: unknown, sends: FrameworkVariables): ConfigIssue[] {
  const templates = templatesOf(config);
  const ownTypes = new Set(templates.map(({ definition }) => definition.usageType));
  const sentTypes = Object.keys(sends.variables);
  return templates.flatMap(({ definition, index }) => {
    const compiled = compileOrSkip(definition);
    if (compiled === undefined) return [];
    const { usageType } = definition;
    const served = usageType === 'Generic' ? sentTypes.filter((type) => type === 'Generic' || !ownTypes.has(type)) : [usageType];
    if (usageType !== 'Generic' && sends.variables[usageType] === undefined) {
      const nearest = suggestKey(usageType, sentTypes);
      const hint = nearest === undefined ? '' : ` (did you mean ${nearest}?)`;
      return [{ path: `templates[${index}].usageType`, message: `is ${JSON.stringify(usageType)}, a type ${sends.framework} never sends${hint}: this template serves only your own sends` }];
    }
    return served.flatMap((type) => unsentVariables(compiled.listTags(), sends, type, index));
  });
}

function unsentVariables(tags: readonly TemplateTag[], sends: FrameworkVariables, type: string, index: number): ConfigIssue[] {
  const sent = new Set(sends.variables[type]);
  const seen = new Set<string>();
  return tags.flatMap((tag): ConfigIssue[] => {
    const key = `${tag.field} ${tag.variable} ${tag.kind}`;
    if (tag.variable === '.' || sent.has(tag.variable) || seen.has(key) || !reachable(tag, sent)) return [];
    seen.add(key);
    const effect = {
      variable: 'every such send fails with MissingVariable',
      section: `its {{#${tag.variable}}} section never shows`,
      inverted: `its {{^${tag.variable}}} section always shows`,
    }[tag.kind];
    const fills = [...sent].join(', ') || 'nothing';
    return [
      {
        path: `templates[${index}].${tag.field}`,
        message: `uses ${tag.variable}, which ${sends.framework} never sends for ${type}: ${effect} (it fills ${fills})`,
      },
    ];
  });
}

/** Whether the tag can render: no section around it is on a variable never sent. */
function reachable(tag: TemplateTag, sent: ReadonlySet<string>): boolean {
  return tag.within.every((section) => section.kind === 'inverted' || section.variable === '.' || sent.has(section.variable));
}

function templatesOf(config: unknown): { definition: TemplateDefinition; index: number }[] {
  const templates = typeof config === 'object' && config !== null ? (config as { templates?: unknown }).templates : undefined;
  if (!Array.isArray(templates)) return [];
  return templates.flatMap((definition: unknown, index) =>
    typeof definition === 'object' && definition !== null && typeof (definition as TemplateDefinition).usageType === 'string'
      ? [{ definition: definition as TemplateDefinition, index }]
      : [],
  );
}

function compileOrSkip(definition: TemplateDefinition): CompiledTemplate | undefined {
  try {
    return compileTemplate(definition);
  } catch {
    return undefined; // the config's validation reports it
  }
}
