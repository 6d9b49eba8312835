// Render-only cost of the 2 KB HTML template, as a microbench: the median of many timed batches.
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMailer } from 'auth-mailer';
import { MemoryTransport } from 'auth-mailer/testing';
import { build } from 'esbuild';
import Mustache from 'mustache';
import { HTML_TEMPLATE, mailerConfig, payloadFor, SUBJECT_TEMPLATE, TEMPLATES, TO } from './fixture.mjs';

let sink = 0;
// Read every string the way a sender does (length and a character from the middle), which
// flattens any rope the renderer left behind: the flattening is part of the cost.
const read = (value) => {
  if (typeof value === 'string') sink = (sink + value.length + value.charCodeAt(value.length >> 1)) | 0;
};

/** Times `fn(i)` in `batches` batches of `perBatch` calls; returns microseconds per call, per batch. */
function timeSync(fn, { batches = 15, perBatch = 20_000 } = {}) {
  for (let i = 0; i < perBatch; i += 1) fn(i);
  const results = [];
  for (let batch = 0; batch < batches; batch += 1) {
    const start = performance.now();
    for (let i = 0; i < perBatch; i += 1) fn(i);
    results.push(((performance.now() - start) * 1000) / perBatch);
  }
  return results;
}

async function timeAsync(fn, { batches = 15, perBatch = 10_000 } = {}) {
  for (let i = 0; i < perBatch; i += 1) await fn(i);
  const results = [];
  for (let batch = 0; batch < batches; batch += 1) {
    const start = performance.now();
    for (let i = 0; i < perBatch; i += 1) await fn(i);
    results.push(((performance.now() - start) * 1000) / perBatch);
  }
  return results;
}

// The renderer is internal (not exported by the package), so the bench bundles its source with
// esbuild, as tsup does, to time it without the Mailer around it. The bundle is written next to this
// file, so its bare imports (mustache, html-to-text) resolve from the repository, and removed after.
// The plain-text converter loads on first need (the registry awaits it before handing out a
// template that derives its text), so the bench loads it before rendering, as the registry would.
async function loadCompileTemplate() {
  const outfile = fileURLToPath(new URL('./.compile-template.tmp.mjs', import.meta.url));
  await build({
    stdin: {
      contents: "export { compileTemplate } from './compile-template.ts'; export { loadPlainTextConverter } from './html-to-plain-text.ts';",
      resolveDir: fileURLToPath(new URL('../src/render/', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  try {
    const { compileTemplate, loadPlainTextConverter } = await import(pathToFileURL(outfile).href);
    await loadPlainTextConverter();
    return compileTemplate;
  } finally {
    rmSync(outfile, { force: true });
  }
}

/**
 * Measures render costs (microseconds per render, per batch).
 *
 * @returns {Promise<Record<string, number[]>>}
 */
export async function measureRender() {
  const compileTemplate = await loadCompileTemplate();
  const payloads = Array.from({ length: 1024 }, (_, i) => payloadFor(i));
  const full = compileTemplate(TEMPLATES[0]);
  // HTML alone: the same content, with an empty subject and an empty hand-written text part.
  const htmlOnly = compileTemplate({ ...TEMPLATES[0], subject: '', text: '' });
  const handWritten = compileTemplate({ ...TEMPLATES[0], text: 'Your Acme sign-in code is {{code}}.\n\nOr open {{link}}' });

  const mailer = createMailer(mailerConfig(25), { transport: new MemoryTransport() });
  const { replaceSendMessageHandlebars } = await import('@logto/connector-kit');
  Mustache.parse(HTML_TEMPLATE);
  Mustache.parse(SUBJECT_TEMPLATE);

  const results = {
    'compiled template: subject + HTML + text (internal renderer)': timeSync((i) => {
      const content = full.render(payloads[i & 1023]);
      read(content.subject);
      read(content.html);
      read(content.text);
    }),
    'compiled template: HTML alone (internal renderer)': timeSync((i) => {
      read(htmlOnly.render(payloads[i & 1023]).html);
    }),
    'compiled template: subject + HTML + hand-written text (internal renderer)': timeSync((i) => {
      const content = handWritten.render(payloads[i & 1023]);
      read(content.subject);
      read(content.html);
      read(content.text);
    }),
    'Mailer.render() public API: whole message (MemoryTransport mailer)': await timeAsync(async (i) => {
      const message = await mailer.render({ to: TO, type: 'SignIn', payload: payloads[i & 1023] });
      read(message.subject);
      read(message.html);
      read(message.text);
    }),
    'reference: Mustache.render (its cache), subject + HTML': timeSync((i) => {
      read(Mustache.render(SUBJECT_TEMPLATE, payloads[i & 1023]));
      read(Mustache.render(HTML_TEMPLATE, payloads[i & 1023]));
    }),
    "reference: Logto's replaceSendMessageHandlebars, subject + HTML": timeSync((i) => {
      read(replaceSendMessageHandlebars(SUBJECT_TEMPLATE, payloads[i & 1023]));
      read(replaceSendMessageHandlebars(HTML_TEMPLATE, payloads[i & 1023]));
    }),
  };
  await mailer.close();
  return { results, checksum: sink };
}
