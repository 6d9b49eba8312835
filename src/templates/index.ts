/**
 * `auth-mailer/templates`: the built-in templates as data, to start your own from or to list them,
 * and {@link layoutTemplate} to write your own in their look. A mailer uses the built-in templates
 * without this import; importing `auth-mailer` does not load them (twenty languages of copy), a
 * mailer loads them on the first send that falls back on them.
 *
 * @packageDocumentation
 */
export { defaultTemplates } from './defaults/index.js';
export { layoutTemplate, type LayoutTemplateOptions } from './layout-template.js';
export type { Block as LayoutBlock } from './defaults/template-copy.js';
