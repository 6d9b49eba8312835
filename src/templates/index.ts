/**
 * `auth-mailer/templates`: the built-in templates as data, to start your own from or to list them.
 * A mailer uses them without this import; importing `auth-mailer` does not load them (twenty
 * languages of copy), a mailer loads them on the first send that falls back on them.
 *
 * @packageDocumentation
 */
export { defaultTemplates } from './defaults/index.js';
