/**
 * The valibot schema of the mailer config: checks a `MailerConfig` and turns it into a
 * `ResolvedMailerConfig`. Messages never repeat a received value. The schema is built by a
 * function, not at import, so importing the library costs no schema construction.
 *
 * @module
 */
import * as v from 'valibot';

import { hasControlCharacter } from '../shared/header-value.js';
import { isEmptyLogin } from './empty-login.js';
import { findAddressProblem } from './find-address-problem.js';
import { findDkimNameProblem } from './find-dkim-name-problem.js';
import { kindOf } from '../shared/kind-of.js';
import { isLocalhostName } from './localhost-name.js';
import type { ResolvedMailerConfig } from './mailer-config.js';
import { isPlaceholder } from './placeholder.js';
import { readDkimKey } from './read-dkim-key.js';

/** What belongs in each field, for "is required" and "still holds a placeholder" messages. */
const FIELD_DESCRIPTIONS: Readonly<Record<string, string>> = {
  host: 'the SMTP server host name, such as `smtp.example.com`',
  port: 'the SMTP port, such as 587 or 465',
  fromEmail: 'the sender address, such as `Acme <no-reply@example.com>`',
  replyTo: 'the address replies should go to',
  sendFrom: 'the sender address for this template',
  templates:
    'a list of templates, such as `[{ "usageType": "Generic", "contentType": "text/plain", ' +
    '"subject": "Your code", "content": "Your code is {{code}}" }]`',
  usageType: 'the usage type, such as `SignIn` or `Generic`',
  contentType: '`text/plain` or `text/html`',
  subject: 'the subject line',
  content: 'the body, such as `Your code is {{code}}`',
  locale: 'a language tag such as `en` or `pt-BR`',
  user: 'the SMTP user name',
  pass: 'the SMTP password (or app password)',
  clientId: 'the OAuth2 client id',
  clientSecret: 'the OAuth2 client secret',
  refreshToken: 'the OAuth2 refresh token',
  accessToken: 'the OAuth2 access token',
  accessUrl: 'the OAuth2 token endpoint URL',
  serviceClient: 'the service account client id',
  privateKey: 'the PEM private key',
  key: 'the PEM private key',
  passphrase: 'the private key passphrase',
  name: 'the host name to send in EHLO',
  localAddress: 'the local IP address to connect from',
  servername: 'the TLS server name to check the certificate against',
  domainName: 'the DKIM signing domain, such as `example.com`',
  keySelector: 'the DKIM selector, such as `mail`',
  skipFields: 'header names to leave unsigned, separated by `:`',
  headerFieldNames: 'header names to sign, separated by `:`',
};

/** Describes a field by its key, for messages. */
function describeField(key: string): string {
  return FIELD_DESCRIPTIONS[key] ?? 'a valid value';
}

/** A message for a value of the wrong type: `must be <what>; got <kind>`; never the value itself. */
export const mustBe =
  (what: string) =>
  (issue: v.BaseIssue<unknown>): string =>
    `must be ${what}; got ${kindOf(issue.input)}`;

/** A message for an object of the wrong type or a missing required key. */
const objectMessage =
  (what: string) =>
  (issue: v.BaseIssue<unknown>): string => {
    const missing = issue.path?.at(-1)?.key;
    return typeof missing === 'string' && issue.input === undefined
      ? `is required; add ${describeField(missing)}`
      : `must be ${what}; got ${kindOf(issue.input)}`;
  };

/** A validation reporting the first problem `find` sees in a correctly typed value. */
function problem<T>(find: (value: T) => string | undefined): v.RawCheckAction<T> {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const message = find(dataset.value);
    if (message !== undefined) addIssue({ message });
  });
}

const CONTROL_MESSAGE = 'holds a line break or other control character; remove it';

/** Why a value still holding a `<...>` placeholder is wrong; repeats it only when not secret. */
function placeholderMessage(value: string, key: string, secret: boolean): string {
  const which = secret ? 'a placeholder in angle brackets' : `the placeholder \`${value.trim()}\``;
  return `still holds ${which}; replace it with ${describeField(key)}`;
}

/**
 * A one-line, non-empty text field that must not be a placeholder; `more` adds the field's own
 * checks, run only when those pass.
 */
function line(key: string, more: (value: string) => string | undefined = () => undefined) {
  return v.pipe(
    v.string(),
    problem<string>((value) => {
      if (value.trim() === '') return `is empty; set it to ${describeField(key)}`;
      if (isPlaceholder(value)) return placeholderMessage(value, key, false);
      return hasControlCharacter(value) ? CONTROL_MESSAGE : more(value);
    }),
  );
}

/** A non-empty secret (password, token, key); its value never appears in a message. */
function secret(key: string, more: (value: string) => string | undefined = () => undefined) {
  return v.pipe(
    v.string(),
    problem<string>((value) => {
      if (value.trim() === '') return `is empty; set it to ${describeField(key)}`;
      return isPlaceholder(value) ? placeholderMessage(value, key, true) : more(value);
    }),
  );
}

/** An address: `addr` or `Name <addr>`. */
function address(key: string) {
  return v.pipe(
    v.string(),
    problem<string>((value) =>
      isPlaceholder(value, true) ? placeholderMessage(value, key, false) : findAddressProblem(value),
    ),
  );
}

/** A duration in milliseconds: finite, 0 or more. */
function milliseconds() {
  return v.pipe(
    v.number(mustBe('a number of milliseconds')),
    problem<number>((n) => (Number.isFinite(n) && n >= 0 ? undefined : 'must be a number of milliseconds, 0 or more')),
  );
}

/** A count: a whole number, 1 or more. */
function count() {
  return v.pipe(
    v.number(mustBe('a whole number')),
    problem<number>((n) => (Number.isInteger(n) && n >= 1 ? undefined : 'must be a whole number, 1 or more')),
  );
}

/** Finds what is wrong with a port written as a number or a numeric string. */
function findPortProblem(value: number | string): string | undefined {
  if (typeof value === 'string' && isPlaceholder(value)) return placeholderMessage(value, 'port', false);
  const port = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return Number.isInteger(port) && (port as number) >= 1 && (port as number) <= 65_535
    ? undefined
    : 'must be a whole number from 1 to 65535, such as 587 (STARTTLS) or 465 (implicit TLS)';
}

/** A port, as a number or a numeric string, turned into a number. */
function port() {
  return v.pipe(
    v.custom<number | string>(
      (input) => typeof input === 'number' || typeof input === 'string',
      mustBe('a port number such as 587, or a numeric string'),
    ),
    problem(findPortProblem),
    v.transform((value) => Number(value)),
  );
}

/** Finds what is wrong with a host name. */
function findHostProblem(value: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) {
    return 'holds a URL; give the host name only, such as `smtp.example.com`';
  }
  if (/^[^:[\]]+:\d+$/.test(value.trim())) return 'holds a port; put the port in `port` and the host name alone here';
  return /\s/.test(value.trim()) ? 'holds a space; give the host name only, such as `smtp.example.com`' : undefined;
}

/** A case-insensitive `type` tag (`login`, `OAuth2`). */
function authType(pattern: RegExp) {
  return v.optional(
    v.pipe(
      v.string(mustBe('`login` or `OAuth2`')),
      problem<string>((value) => (pattern.test(value) ? undefined : 'must be `login` or `OAuth2` (in any case)')),
    ),
  );
}

/** User name and password, normalized to `type: 'login'`. */
function loginAuth() {
  return v.pipe(
    v.object(
      { type: authType(/^login$/i), user: line('user'), pass: secret('pass') },
      objectMessage('an object with `user` and `pass`'),
    ),
    v.transform(({ user, pass }) => ({ type: 'login' as const, user, pass })),
  );
}

/** OAuth2 with tokens or a client id and secret, normalized to `type: 'OAuth2'`. */
function oauth2TokenAuth() {
  return v.pipe(
    v.object(
      {
        type: authType(/^oauth2$/i),
        user: line('user'),
        clientId: v.optional(line('clientId')),
        clientSecret: v.optional(secret('clientSecret')),
        refreshToken: v.optional(secret('refreshToken')),
        accessToken: v.optional(secret('accessToken')),
        expires: v.optional(v.number(mustBe('a time in milliseconds since the epoch'))),
        accessUrl: v.optional(line('accessUrl')),
      },
      objectMessage('an object'),
    ),
    v.transform((auth) => ({ ...auth, type: 'OAuth2' as const })),
  );
}

/** OAuth2 with a service account, normalized to `type: 'OAuth2'`. */
function oauth2ServiceAuth() {
  const pemKey = secret('privateKey');
  const encryptedKey = v.object(
    { key: secret('key'), passphrase: secret('passphrase') },
    objectMessage('a PEM private key string or `{ key, passphrase }`'),
  );
  return v.pipe(
    v.object(
      {
        type: authType(/^oauth2$/i),
        user: line('user'),
        serviceClient: line('serviceClient'),
        privateKey: v.lazy((input) => (typeof input === 'object' && input !== null ? encryptedKey : pemKey)),
        accessUrl: v.optional(line('accessUrl')),
      },
      objectMessage('an object'),
    ),
    v.transform((auth) => ({ ...auth, type: 'OAuth2' as const })),
  );
}

/**
 * A login with neither user nor pass (see {@link isEmptyLogin}), which Logto accepts for relays that
 * authorize by source address: resolved as no `auth` at all, so the mailer never tries AUTH.
 */
function emptyLoginAuth() {
  return v.pipe(
    v.object({ type: authType(/^login$/i), user: v.optional(v.literal('')), pass: v.optional(v.literal('')) }),
    v.transform(() => undefined),
  );
}

const TOKEN_KEYS = ['clientId', 'clientSecret', 'refreshToken', 'accessToken', 'expires', 'accessUrl'];

/** Which auth shape to check an `auth` object against, from its `type` and its keys. */
function pickAuthShape(input: unknown): 'emptyLogin' | 'login' | 'oauth2Token' | 'oauth2Service' {
  if (typeof input !== 'object' || input === null) return 'login';
  if (isEmptyLogin(input)) return 'emptyLogin';
  const { type } = input as { type?: unknown };
  const isOAuth2 = typeof type === 'string' && /^oauth2$/i.test(type);
  if (type !== undefined && !isOAuth2) return 'login';
  if ('serviceClient' in input || 'privateKey' in input) return 'oauth2Service';
  if (isOAuth2 || (!('pass' in input) && TOKEN_KEYS.some((key) => key in input))) return 'oauth2Token';
  return 'login';
}

/** `auth`, checked against the shape its `type` and keys point to. */
function auth() {
  const shapes = {
    emptyLogin: emptyLoginAuth(),
    login: loginAuth(),
    oauth2Token: oauth2TokenAuth(),
    oauth2Service: oauth2ServiceAuth(),
  };
  return v.lazy((input) => shapes[pickAuthShape(input)]);
}

/**
 * Headers every message sets from the config, the template or the recipient, or (`Auto-Submitted`)
 * that the mailer puts on every message: a custom header of the same name would be dropped or
 * fight them (and `Bcc` would look like a hidden recipient).
 */
const RESERVED_HEADERS = new Set([
  'auto-submitted',
  'from',
  'to',
  'cc',
  'bcc',
  'subject',
  'reply-to',
  'sender',
  'message-id',
  'date',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'return-path',
]);

/** Finds what is wrong with a header field name (RFC 5322: printable ASCII without colon or space). */
function findHeaderNameProblem(name: string): string | undefined {
  if (name === '') return 'is an empty header name; remove it';
  if (!/^[\x21-\x39\x3b-\x7e]+$/.test(name)) {
    return (
      'is not a valid header name; use printable ASCII letters, digits and `-` only, ' +
      'without spaces, colons or line breaks'
    );
  }
  return RESERVED_HEADERS.has(name.toLowerCase())
    ? 'is a header the mailer sets itself (from `fromEmail`, `replyTo`, the template or the recipient, ' +
        'or `Auto-Submitted: auto-generated` on every message); remove it'
    : undefined;
}

/** Finds what is wrong with a custom header value: an empty one would be dropped without a word. */
function findHeaderValueProblem(value: string): string | undefined {
  if (hasControlCharacter(value)) return 'holds a line break or other control character; write the value on one line';
  return value.trim() === '' ? 'is empty; give the header a value or remove it' : undefined;
}

/**
 * A string or an array of them, checked as whichever it is so that a bad item is reported at its
 * own index.
 */
function oneOrMany<T extends v.GenericSchema<string>>(item: T) {
  const many = v.array(item);
  return v.lazy((input) => (Array.isArray(input) ? many : item));
}

/** Custom headers: valid names the mailer does not set itself, each with one value or several. */
function customHeaders() {
  return v.record(
    v.pipe(v.string(), problem(findHeaderNameProblem)),
    oneOrMany(v.pipe(v.string(), problem(findHeaderValueProblem))),
    mustBe('an object mapping header names to values'),
  );
}

/** A language tag such as `en` or `pt-BR`. */
function locale() {
  return v.pipe(
    v.string(),
    problem<string>((value) => {
      if (/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/.test(value)) return undefined;
      return /^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$/.test(value)
        ? 'must use `-` between its parts, as in `pt-BR`'
        : 'must be a language tag such as `en` or `pt-BR` (letters, digits and `-`)';
    }),
  );
}

const CONTENT_TYPES = ['text/plain', 'text/html'] as const;

/** Says what `contentType` must be; a near miss (`text/HTML`) is told what differs. */
function contentTypeMessage(issue: v.BaseIssue<unknown>): string {
  const { input } = issue;
  if (typeof input !== 'string') return `must be \`text/plain\` or \`text/html\`; got ${kindOf(input)}`;
  return (CONTENT_TYPES as readonly string[]).includes(input.trim().toLowerCase())
    ? 'must be exactly `text/plain` or `text/html` (lowercase, no spaces)'
    : 'must be `text/plain` or `text/html`; got another string';
}

/**
 * Builds the schema of one template definition, the same for the config's templates and a
 * template store's. Each call builds a new schema; build it once and keep it.
 *
 * @returns The schema; its output holds the template's known fields only.
 */
export function buildTemplateSchema() {
  return v.object(
    {
      usageType: line('usageType'),
      contentType: v.picklist(CONTENT_TYPES, contentTypeMessage),
      subject: v.string(),
      content: v.string(),
      locale: v.optional(locale()),
      text: v.optional(v.string()),
      sendFrom: v.optional(address('sendFrom')),
      replyTo: v.optional(address('replyTo')),
    },
    objectMessage('an object with `usageType`, `contentType`, `subject` and `content`'),
  );
}

/** The part of a template that makes it unique: usage type and locale (case-insensitive). */
function templateSlot(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { usageType, locale } = value as { usageType?: unknown; locale?: unknown };
  if (typeof usageType !== 'string' || (locale !== undefined && typeof locale !== 'string')) return undefined;
  return JSON.stringify([usageType, locale?.toLowerCase() ?? null]);
}

/** A list of templates, before the checks on the list as a whole. */
function templateList() {
  return v.array(buildTemplateSchema(), mustBe(describeField('templates')));
}

type TemplateList = v.InferOutput<ReturnType<typeof templateList>>;

/**
 * Reports each template that repeats an earlier one's usage type and locale, at its own index.
 * Runs even when some templates have other issues, so every problem is reported at once.
 */
function uniqueTemplates() {
  return v.rawCheck<TemplateList>(({ dataset, addIssue }) => {
    if (!Array.isArray(dataset.value)) return;
    const items: unknown[] = dataset.value;
    const firstIndex = new Map<string, number>();
    items.forEach((item, index) => {
      const slot = templateSlot(item);
      if (slot === undefined) return;
      const first = firstIndex.get(slot);
      if (first === undefined) {
        firstIndex.set(slot, index);
        return;
      }
      addIssue({
        message:
          `has the same usageType and locale as templates[${first}]; ` +
          'remove one of them or give them different locales',
        path: [{ type: 'array', origin: 'value', input: items, key: index, value: item }],
      });
    });
  });
}

/** `templates`: a non-empty list with at most one template per usage type and locale. */
function templates() {
  return v.pipe(
    templateList(),
    problem<TemplateList>((list) =>
      list.length === 0
        ? 'is empty; add at least one template, or leave `templates` out to use the default templates'
        : undefined,
    ),
    uniqueTemplates(),
  );
}

/** `tls`: Node TLS options, the known ones checked, the others passed through. */
function tls() {
  return v.looseObject(
    {
      rejectUnauthorized: v.optional(v.boolean()),
      ca: v.optional(oneOrMany(v.string(mustBe('a PEM string or an array of them')))),
      servername: v.optional(line('servername')),
      minVersion: v.optional(v.string(mustBe('a string such as `TLSv1.2`'))),
      ciphers: v.optional(v.string()),
    },
    mustBe('an object of Node TLS options'),
  );
}

/** `dkim`: the DKIM signing options. */
function dkim() {
  return v.object(
    {
      domainName: line('domainName', (value) => findDkimNameProblem(value, 'domainName')),
      keySelector: line('keySelector', (value) => findDkimNameProblem(value, 'keySelector')),
      // nodemailer sends unsigned, without an error, when it cannot sign with the key: refuse it here.
      privateKey: secret('privateKey', (value) => {
        const reading = readDkimKey(value);
        return 'problem' in reading ? reading.problem : undefined;
      }),
      skipFields: v.optional(v.string()),
      headerFieldNames: v.optional(v.string()),
    },
    objectMessage('an object with `domainName`, `keySelector` and `privateKey`'),
  );
}

/**
 * Turns a checked config into the resolved form: port and `secure` settled, SMTP options grouped.
 * `requireTLS` is settled here, once: when left out, it is on whenever credentials would otherwise
 * cross the network unencrypted (a server without STARTTLS, or a network that strips it, would get
 * them), unless the connection is implicit TLS, `ignoreTLS` asks for clear text, or the host is
 * this machine by name.
 */
function resolve(config: v.InferOutput<ReturnType<typeof configObject>>): ResolvedMailerConfig {
  const { host, port, secure, fromEmail, replyTo, auth, customHeaders, templates, ...smtp } = config;
  const resolvedPort = port ?? (secure === true ? 465 : 587);
  const resolvedSecure = secure ?? resolvedPort === 465;
  const credentialsNeedTls = auth !== undefined && !resolvedSecure && smtp.ignoreTLS !== true && !isLocalhostName(host);
  return {
    host: host.trim(),
    port: resolvedPort,
    secure: resolvedSecure,
    fromEmail: fromEmail.trim(),
    ...(replyTo === undefined ? {} : { replyTo: replyTo.trim() }),
    ...(auth === undefined ? {} : { auth }),
    customHeaders: customHeaders ?? {},
    templates: templates ?? [],
    smtp: {
      ...smtp,
      pool: smtp.pool ?? true,
      requireTLS: smtp.requireTLS ?? credentialsNeedTls,
      disableFileAccess: smtp.disableFileAccess ?? true,
      disableUrlAccess: smtp.disableUrlAccess ?? true,
    },
  };
}

/** The config object's fields, before resolving. */
function configObject() {
  return v.object(
    {
      host: line('host', findHostProblem),
      port: v.optional(port()),
      fromEmail: address('fromEmail'),
      replyTo: v.optional(address('replyTo')),
      auth: v.optional(auth()),
      customHeaders: v.optional(customHeaders()),
      templates: v.optional(templates()),
      secure: v.optional(v.boolean()),
      requireTLS: v.optional(v.boolean()),
      ignoreTLS: v.optional(v.boolean()),
      tls: v.optional(tls()),
      servername: v.optional(line('servername')),
      name: v.optional(line('name')),
      localAddress: v.optional(line('localAddress')),
      connectionTimeout: v.optional(milliseconds()),
      greetingTimeout: v.optional(milliseconds()),
      socketTimeout: v.optional(milliseconds()),
      dnsTimeout: v.optional(milliseconds()),
      logger: v.optional(v.boolean()),
      debug: v.optional(v.boolean()),
      disableFileAccess: v.optional(v.boolean()),
      disableUrlAccess: v.optional(v.boolean()),
      pool: v.optional(v.boolean()),
      maxConnections: v.optional(count()),
      maxMessages: v.optional(count()),
      dkim: v.optional(dkim()),
    },
    objectMessage('an object'),
  );
}

/**
 * Builds the mailer config schema: its input type is {@link MailerConfig}, its output a
 * {@link ResolvedMailerConfig}. Unknown keys are left to `findUnknownKeys`. Each call builds a new
 * schema; build it once and keep it.
 *
 * @returns The schema.
 */
export function buildMailerConfigSchema() {
  return v.pipe(configObject(), v.transform(resolve));
}
