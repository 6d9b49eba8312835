import { request } from 'node:http';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/create-mailer.js';
import { run, startCli, tempDir, writeConfig, baseConfig, type RunningCli } from './run-cli-helper.js';

/** A raw HTTP request, so the Host header and method can be anything. */
function get(url: string, options: { host?: string; method?: string } = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: options.method ?? 'GET', headers: { host: options.host ?? target.host } },
      (incoming) => {
        let body = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk: string) => (body += chunk));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

let running: RunningCli | undefined;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
  await cleanup?.();
  cleanup = undefined;
});

async function startPreview(config: Record<string, unknown>, args: string[] = []): Promise<string> {
  const dir = await tempDir();
  cleanup = dir.cleanup;
  running = startCli(['preview', await writeConfig(dir.path, config), ...args], { env: { SMTP_PASS: 'env-Secret-42' } });
  return running.waitForOutput(/at (http:\/\/127\.0\.0\.1:\d+\/)/);
}

describe('auth-mailer preview, over HTTP', () => {
  it('serves the page on 127.0.0.1 with a nonce script, no external resources and no password', async () => {
    const url = await startPreview(baseConfig({ auth: { user: 'no-reply@acme.example', pass: '${SMTP_PASS}' } }), ['--var', 'user.name=Ada', '--var', 'app=Acme']);
    const first = await get(url);
    expect(first.status).toBe(200);
    const policy = String(first.headers['content-security-policy']);
    const nonce = /script-src 'nonce-([^']+)'/.exec(policy)?.[1];
    expect(policy).toContain("default-src 'none'");
    expect(first.body).toContain(`<script nonce="${nonce}">`);
    expect(first.body).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)=/);
    expect(first.body).not.toContain('env-Secret-42');
    // --var fills the config's own variables: its SignIn template renders, greeting Ada.
    expect(first.body).toContain('Hello Ada, your code is 123456.');
    expect(first.body).not.toContain('class="message failed"');
    // A fresh nonce for each load.
    expect(String((await get(url)).headers['content-security-policy'])).not.toContain(nonce);
  });

  it('shows why a message cannot be rendered instead of failing the page', async () => {
    const url = await startPreview(baseConfig());
    const { body } = await get(url);
    expect(body).toContain('SignIn · no locale</p><p class="problem">');
    expect(body).toMatch(/class="problem">[^<]*user\.name/);
  });

  it('refuses a request naming another host (DNS rebinding), other methods and other paths', async () => {
    const url = await startPreview(baseConfig());
    expect((await get(url, { host: 'attacker.example' })).status).toBe(421);
    expect((await get(url, { host: `attacker.example:${new URL(url).port}` })).status).toBe(421);
    expect((await get(url, { host: `localhost:${new URL(url).port}` })).status).toBe(200);
    expect((await get(url, { method: 'POST' })).status).toBe(405);
    expect((await get(new URL('/nope', url).href)).status).toBe(404);
  });

  it('listens on the --port given and stops when asked, closing the port', async () => {
    const free = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const url = await startPreview(baseConfig(), ['--port', String(free)]);
    expect(url).toBe(`http://127.0.0.1:${free}/`);
    const result = await running?.stop();
    running = undefined;
    expect(result?.code).toBe(0);
    await expect(get(url)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('fails with a usage error for a bad --port, and with exit 1 when the port is taken', async () => {
    const bad = await run(['preview', 'config.json', '--port', '70000']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--port must be a number from 0 to 65535');
    const url = await startPreview(baseConfig());
    const dir = await tempDir();
    try {
      const taken = await run(['preview', await writeConfig(dir.path, baseConfig()), '--port', new URL(url).port]);
      expect(taken.code).toBe(1);
      expect(taken.stderr).toContain(`Cannot listen on 127.0.0.1:${new URL(url).port} (EADDRINUSE): choose another --port`);
    } finally {
      await dir.cleanup();
    }
  });
});

describe('auth-mailer dev, over HTTP', () => {
  it('lists received messages as JSON cards after a count, for the page to fetch', async () => {
    running = startCli(['dev']);
    const smtpPort = Number(await running.waitForOutput(/SMTP server on 127\.0\.0\.1:(\d+)/));
    const url = await running.waitForOutput(/Inbox at (http:\/\/127\.0\.0\.1:\d+\/)/);
    const empty = JSON.parse((await get(new URL('/messages?since=0', url).href)).body) as { total: number; cards: string[] };
    expect(empty).toEqual({ total: 0, cards: [] });

    const mailer = createMailer({ host: '127.0.0.1', port: smtpPort, secure: false, fromEmail: 'no-reply@acme.example' });
    try {
      for (const code of ['111111', '222222']) await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code } });
    } finally {
      await mailer.close();
    }
    const after = JSON.parse((await get(new URL('/messages?since=1', url).href)).body) as { total: number; cards: string[] };
    expect(after.total).toBe(2);
    expect(after.cards).toHaveLength(1);
    expect(after.cards[0]).toContain('222222');
    expect(after.cards[0]).not.toContain('111111');
    expect((await get(url, { host: 'attacker.example' })).status).toBe(421);
  });

  it('refuses arguments and a bad --port', async () => {
    expect((await run(['dev', 'extra'])).code).toBe(2);
    expect((await run(['dev', '--port', 'http'])).code).toBe(2);
    expect((await run(['demo', '--port', '8080'])).stderr).toContain('--port goes with --serve');
  });
});
