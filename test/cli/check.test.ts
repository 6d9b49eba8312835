import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseConfig, run, tempDir, writeConfig } from './run-cli-helper.js';

describe('auth-mailer check', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(() => dir.cleanup());

  it('exits 0 for a valid config and lists its templates', async () => {
    const file = await writeConfig(dir.path, baseConfig());
    const result = await run(['check', file]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`${file} is valid: 2 templates (Generic, SignIn)`);
    expect(result.stdout).not.toContain('warning');
  });

  it('says a config without templates sends the built-in ones, without warning about Generic', async () => {
    const config = baseConfig();
    delete config.templates;
    const file = await writeConfig(dir.path, config);
    const result = await run(['check', file]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`${file} is valid: no templates of its own; sends the built-in templates`);
    expect(result.stdout).not.toContain('0 templates');
    expect(result.stdout).not.toContain('warning');
  });

  it('exits 0 with warnings for a valid but suspect config', async () => {
    const file = await writeConfig(
      dir.path,
      baseConfig({
        port: 465,
        secure: false,
        templates: [{ usageType: 'SignIn', contentType: 'text/html', subject: 's', content: '<p>{{code}}</p>' }],
      }),
    );
    const result = await run(['check', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/warning secure is false but port 465/);
    expect(result.stdout).toMatch(/warning templates\[0\] \(SignIn\) is HTML without a `text` part/);
    expect(result.stdout).toMatch(/warning templates has no `Generic` template: usage types without a template of yours are sent with the built-in templates/);
    expect(result.stdout).toContain('3 warnings');
  });

  it('prints the DKIM TXT record to publish, warns about a 1024-bit key, and never prints the private key', async () => {
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 1024,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
    const file = await writeConfig(dir.path, baseConfig({ dkim: { domainName: 'acme.example', keySelector: 's2026', privateKey } }));
    const result = await run(['check', file]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`DKIM: receivers verify with the TXT record s2026._domainkey.acme.example:\n  v=DKIM1; k=rsa; p=${publicKey}\n`);
    expect(result.stdout).toMatch(/warning dkim\.privateKey is a 1024-bit RSA key: receivers accept it, but 2048 bits is the recommended size/);
    for (const line of privateKey.split('\n').filter((text) => text.length > 8 && !text.startsWith('-----'))) expect(result.stdout).not.toContain(line);
  });

  it('exits 1 for a DKIM key the signer cannot use, naming the field without printing the key', async () => {
    const privateKey = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';
    const file = await writeConfig(dir.path, baseConfig({ dkim: { domainName: 'acme.example', keySelector: 'mail', privateKey } }));
    const result = await run(['check', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/dkim\.privateKey: is not a private key node:crypto can read/);
    expect(result.stdout).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC');
  });

  it('exits 1 for an invalid config and names every issue by path, without repeating secrets', async () => {
    const file = await writeConfig(
      dir.path,
      baseConfig({
        port: 'abc',
        auth: { user: 'me', pass: '<password>' },
        hots: 'x',
        templates: [{ usageType: 'Generic', contentType: 'text/markdown', subject: 's', content: 'c' }],
      }),
    );
    const result = await run(['check', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('is invalid');
    expect(result.stdout).toContain('code: InvalidConfig');
    for (const path of ['port', 'auth.pass', 'hots', 'templates[0].contentType']) expect(result.stdout).toContain(`  ${path}: `);
    expect(result.stdout).toContain('host');
    expect(result.stdout).not.toContain('<password>');
    // The placeholder is an issue already: no warning repeats it.
    expect(result.stdout).not.toMatch(/warning auth\.pass/);
  });

  it('exits 1 for a template that does not compile', async () => {
    const file = await writeConfig(
      dir.path,
      baseConfig({ templates: [{ usageType: 'Generic', contentType: 'text/plain', subject: 's', content: 'Code: {{#code}' }] }),
    );
    const result = await run(['check', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('code: TemplateSyntax');
    expect(result.stdout).toContain('Generic');
  });

  it('reads "${NAME}" values from the environment and fails naming an unset one', async () => {
    const file = await writeConfig(dir.path, baseConfig({ host: '${SMTP_HOST}', auth: { user: 'me', pass: '${SMTP_PASS}' } }));
    expect((await run(['check', file], { env: { SMTP_HOST: 'smtp.acme.example', SMTP_PASS: 'pw' } })).code).toBe(0);
    const missing = await run(['check', file], { env: { SMTP_HOST: 'smtp.acme.example' } });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('SMTP_PASS');
    expect(missing.stderr).toContain('auth.pass: the environment variable SMTP_PASS is not set');
  });

  it('exits 1 for a missing file and 2 without a file argument', async () => {
    const absent = await run(['check', `${dir.path}/absent.json`]);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain('ENOENT');
    const usage = await run(['check']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('check needs the path of a JSON config file');
    expect(usage.stderr).toContain('auth-mailer check --help');
  });

  it('locates a JSON syntax error by line and column without quoting the file, so no password leaks', async () => {
    const password = 'Hq4Rm8Vt2Yw6Jz';
    const file = join(dir.path, 'broken.json');
    // The password lacks its quotes: JSON.parse's own message would quote its first characters.
    await writeFile(file, `{\n  "host": "smtp.acme.example",\n  "auth": { "user": "me", "pass": ${password} }\n}\n`);
    const result = await run(['check', file]);
    expect(result.code).toBe(1);
    expect(`${result.stdout}${result.stderr}`).not.toContain(password.slice(0, 4));
    expect(result.stderr).toContain(`${file} is not valid JSON at line 3, column 35: expected a value`);
  });

  it('refuses a file nested deeper than any config needs, instead of overflowing the stack', async () => {
    const depth = 20_000;
    const file = join(dir.path, 'deep.json');
    await writeFile(file, `{"host":"smtp.acme.example","fromEmail":"a@acme.example","tls":${'{"x":'.repeat(depth)}1${'}'.repeat(depth)}}`);
    const result = await run(['check', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file} nests objects or arrays more than 64 levels deep`);
    expect(result.stderr).not.toContain('call stack');
  });

  it('still reads a config as deep as a real one gets (tls.pfx[0].passphrase)', async () => {
    const file = await writeConfig(dir.path, { ...baseConfig(), tls: { pfx: [{ buf: 'x', passphrase: '${PFX_PASS}' }] } });
    expect((await run(['check', file], { env: { PFX_PASS: 'p' } })).code).toBe(0);
  });

  it("--framework warns about template variables that framework's adapter never sends", async () => {
    const file = await writeConfig(
      dir.path,
      baseConfig({
        templates: [
          { usageType: 'Generic', contentType: 'text/plain', subject: 'Your code', content: 'Code: {{code}}' },
          { usageType: 'OrganizationInvitation', contentType: 'text/plain', subject: 'Join {{organizationName}}', content: 'Code: {{code}}' },
        ],
      }),
    );
    const plain = await run(['check', file]);
    expect(plain.stdout).not.toContain('better-auth never sends');
    const result = await run(['check', file, '--framework', 'better-auth']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(
      'warning templates[1].content uses code, which better-auth never sends for OrganizationInvitation: every such send fails with MissingVariable',
    );
    // Generic stands in for the link types better-auth sends without a template here.
    expect(result.stdout).toContain('warning templates[0].content uses code, which better-auth never sends for MagicLink');
  });

  it('--framework with a name it does not know is a usage error listing the ones it does', async () => {
    const file = await writeConfig(dir.path, baseConfig());
    const result = await run(['check', file, '--framework', 'nextauth']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown --framework "nextauth": use one of better-auth, authjs, logto');
    // A name of Object.prototype is no framework either.
    expect((await run(['check', file, '--framework', 'toString'])).code).toBe(2);
  });
});
