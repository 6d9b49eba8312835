/**
 * Finds what is legal in a config but probably a mistake: the warnings of `auth-mailer check`.
 *
 * @module
 */
import { isEmptyLogin } from '../config/empty-login.js';
import { formatPath } from '../config/format-path.js';
import { isLocalhostName } from '../config/localhost-name.js';
import { isPlaceholder } from '../config/placeholder.js';
import { readDkimKey } from '../config/read-dkim-key.js';
import type { ConfigIssue } from '../errors/mailer-error.js';

type Path = (string | number)[];

// Fields whose values are never repeated in output.
const SECRET_PATH = /^(auth\.|auth$|dkim\.privateKey|tls\.(key|pfx|passphrase))/;
// Fields that hold an address, where `<user@example.com>` is a real value.
const ADDRESS_PATH = /^(fromEmail|replyTo|templates\[\d+\]\.(sendFrom|replyTo))$/;
const ADDRESS = /<([^<>]*)>\s*$|^([^<>]*)$/;

/**
 * Lists the warnings for a raw config (as read from JSON, valid or not): templates listed without
 * a `Generic` one (the built-in templates then serve the other usage types), an HTML template
 * without a `text` part, `<...>` placeholders left in, `secure` contradicting
 * the port, a sender whose domain is not a full domain name, an empty login (`auth: {}`), which
 * sends without logging in, credentials that may cross the network unencrypted (`ignoreTLS: true`
 * or `requireTLS: false` with `auth`, to a host other than `localhost`, `127.0.0.1` or `::1`),
 * a certificate left unchecked with `auth` (`tls.rejectUnauthorized: false`), a sender holding
 * Logto's `{{...}}`, an `OrganizationInvitation` template that shows `{{code}}` but never `{{link}}`
 * (Logto sends invitations with a link and no code), a DKIM key shorter than 2048 bits. Values of secret fields (`auth.*`,
 * `dkim.privateKey`, TLS keys) are never repeated.
 *
 * @param config - The config as written; any shape is accepted.
 * @returns One warning per finding, located by path; empty when nothing looks wrong.
 */
export function configWarnings(config: unknown): ConfigIssue[] {
  if (!isRecord(config)) return [];
  const templates = Array.isArray(config.templates) ? config.templates : [];
  return [
    ...placeholderWarnings(config, []),
    ...portWarnings(config),
    ...authWarnings(config.auth),
    ...cleartextWarnings(config),
    ...certificateWarnings(config),
    ...senderWarnings(config.fromEmail, 'fromEmail'),
    ...templates.flatMap((template, index) =>
      isRecord(template)
        ? [...senderWarnings(template.sendFrom, `templates[${index}].sendFrom`), ...htmlWarnings(template, index), ...invitationWarnings(template, index)]
        : [],
    ),
    ...genericWarnings(templates),
    ...dkimWarnings(config.dkim),
  ];
}

function placeholderWarnings(node: unknown, path: Path): ConfigIssue[] {
  if (typeof node === 'string') {
    const where = formatPath(path);
    if (!isPlaceholder(node, ADDRESS_PATH.test(where))) return [];
    const shown = SECRET_PATH.test(where) ? 'a placeholder' : `the placeholder ${JSON.stringify(node)}`;
    return [{ path: where, message: `still holds ${shown}; replace it with the real value` }];
  }
  if (Array.isArray(node)) return node.flatMap((item, index) => placeholderWarnings(item, [...path, index]));
  if (isRecord(node)) return Object.entries(node).flatMap(([key, item]) => placeholderWarnings(item, [...path, key]));
  return [];
}

function portWarnings(config: Record<string, unknown>): ConfigIssue[] {
  const port = Number(config.port);
  if (port === 465 && config.secure === false) {
    return [
      {
        path: 'secure',
        message: 'is false but port 465 expects implicit TLS: set secure: true, or use port 587 for STARTTLS',
      },
    ];
  }
  if ((port === 587 || port === 25) && config.secure === true) {
    return [
      {
        path: 'secure',
        message: `is true but port ${port} speaks plain SMTP upgraded by STARTTLS: set secure: false, or use port 465`,
      },
    ];
  }
  return [];
}

function authWarnings(auth: unknown): ConfigIssue[] {
  if (!isEmptyLogin(auth)) return [];
  return [
    {
      path: 'auth',
      message:
        'has neither user nor pass: the mailer will send without logging in, as to a relay that authorizes by ' +
        'source address. Leave `auth` out to say so, or fill in `user` and `pass`',
    },
  ];
}

function cleartextWarnings(config: Record<string, unknown>): ConfigIssue[] {
  const implicitTls = config.secure === true || (config.secure === undefined && Number(config.port) === 465);
  if (!isRecord(config.auth) || isEmptyLogin(config.auth) || implicitTls || typeof config.host !== 'string' || isLocalhostName(config.host)) return [];
  if (config.ignoreTLS === true) {
    return [
      {
        path: 'ignoreTLS',
        message:
          'is true while `auth` is set: the credentials cross the network unencrypted, readable by anyone on the way; remove it (with auth, TLS is then required) or use implicit TLS (secure: true)',
      },
    ];
  }
  if (config.requireTLS === false) {
    return [
      {
        path: 'requireTLS',
        message:
          'is false while `auth` is set: a server without STARTTLS, or a network that strips it, gets the credentials unencrypted; remove it (with auth, TLS is then required)',
      },
    ];
  }
  return [];
}

function certificateWarnings(config: Record<string, unknown>): ConfigIssue[] {
  const { auth, tls, host } = config;
  if (!isRecord(auth) || isEmptyLogin(auth) || !isRecord(tls) || tls.rejectUnauthorized !== false) return [];
  if (typeof host === 'string' && isLocalhostName(host)) return [];
  return [
    {
      path: 'tls.rejectUnauthorized',
      message:
        'is false while `auth` is set: anyone on the way can pose as the server and read the credentials; ' +
        "remove it, and pass the server's CA certificate in tls.ca if it is not publicly trusted",
    },
  ];
}

function senderWarnings(value: unknown, path: string): ConfigIssue[] {
  if (typeof value !== 'string' || isPlaceholder(value, true)) return [];
  if (value.includes('{{')) {
    return [
      {
        path,
        message:
          'holds `{{...}}`, which the Logto connector filled in but auth-mailer sends as written: write the sender out in full',
      },
    ];
  }
  const match = ADDRESS.exec(value.trim());
  const address = (match?.[1] ?? match?.[2] ?? '').trim();
  const at = address.lastIndexOf('@');
  const domain = at === -1 ? '' : address.slice(at + 1);
  if (domain === '') {
    return [{ path, message: 'has no domain (`name@example.com`): servers refuse or junk such a sender' }];
  }
  if (!domain.includes('.')) {
    return [
      {
        path,
        message: `has the domain "${domain}", which is not a public domain name: receivers will refuse or junk the mail`,
      },
    ];
  }
  return [];
}

function htmlWarnings(template: Record<string, unknown>, index: number): ConfigIssue[] {
  if (template.contentType !== 'text/html' || template.text !== undefined) return [];
  return [
    {
      path: `templates[${index}]`,
      message: `(${describeTemplate(template)}) is HTML without a \`text\` part; the plain-text part will be derived from the HTML. Write one to control what text-only clients show`,
    },
  ];
}

function invitationWarnings(template: Record<string, unknown>, index: number): ConfigIssue[] {
  if (template.usageType !== 'OrganizationInvitation') return [];
  const written = [template.subject, template.content, template.text].filter((part) => typeof part === 'string').join('\n');
  if (!usesVariable(written, 'code') || usesVariable(written, 'link')) return [];
  return [
    {
      path: `templates[${index}]`,
      message:
        `(${describeTemplate(template)}) uses {{code}} but not {{link}}, and Logto sends invitations with a \`link\` and no code: ` +
        'the Logto SMTP connector sends "{{code}}" as written, auth-mailer/logto puts the link there, other senders fail with MissingVariable. ' +
        'Write the link in: "Join {{organizationName}}: {{link}}"',
    },
  ];
}

/** Whether a mustache template uses `name` as a variable or section: `{{name}}`, `{{{name}}}`, `{{& name}}`, `{{#name}}`. */
function usesVariable(template: string, name: string): boolean {
  return new RegExp(`\\{\\{\\{?\\s*[&#^]?\\s*${name}\\s*\\}?\\}\\}`).test(template);
}

function genericWarnings(templates: unknown[]): ConfigIssue[] {
  if (templates.length === 0 || templates.some((template) => isRecord(template) && template.usageType === 'Generic')) return [];
  return [
    {
      path: 'templates',
      message:
        'has no `Generic` template: usage types without a template of yours are sent with the built-in templates (20 languages); add a `Generic` template to use your own wording for them',
    },
  ];
}

// RFC 8301 requires signers to use at least 1024 bits and recommends 2048; shorter keys are refused.
const RECOMMENDED_DKIM_BITS = 2048;

function dkimWarnings(dkim: unknown): ConfigIssue[] {
  if (!isRecord(dkim) || typeof dkim.privateKey !== 'string') return [];
  const reading = readDkimKey(dkim.privateKey);
  if (!('bits' in reading) || reading.bits >= RECOMMENDED_DKIM_BITS) return [];
  return [
    {
      path: 'dkim.privateKey',
      message: `is a ${reading.bits}-bit RSA key: receivers accept it, but ${RECOMMENDED_DKIM_BITS} bits is the recommended size (RFC 8301); generate a new key and publish it under a new selector`,
    },
  ];
}

function describeTemplate(template: Record<string, unknown>): string {
  const usageType = typeof template.usageType === 'string' ? template.usageType : 'no usageType';
  return typeof template.locale === 'string' ? `${usageType}, ${template.locale}` : usageType;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
