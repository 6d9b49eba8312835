import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../src/testing/smtp-sink.js';
import { baseConfig, run, tempDir, writeConfig } from './run-cli-helper.js';

const PASSWORD = 'correct-Horse-battery-9';

describe('auth-mailer send', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let sink: SmtpSink;
  let file: string;
  beforeEach(async () => {
    dir = await tempDir();
    sink = await startSmtpSink({
      authenticate: { user: 'mailer', pass: PASSWORD },
      onRcptTo: (address) => (address.startsWith('bounce@') ? { code: 550, message: 'No such user' } : undefined),
    });
    file = await writeConfig(
      dir.path,
      baseConfig({ host: sink.host, port: String(sink.port), auth: { user: 'mailer', pass: '${SMTP_PASS}' } }),
    );
  });
  afterEach(async () => {
    await sink.close();
    await dir.cleanup();
  });

  it('delivers one message with the code and variables, and prints messageId, accepted and attempts', async () => {
    const result = await run(
      ['send', file, '--to', 'ada@example.com', '--type', 'SignIn', '--code', '482913', '--var', 'app=Acme', '--var', 'user.name=Ada'],
      { env: { SMTP_PASS: PASSWORD } },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [message] = await sink.waitForMessages(1);
    expect(message?.envelope.to).toEqual(['ada@example.com']);
    expect(message?.subject).toBe('Sign in to Acme');
    expect(message?.text).toContain('Hello Ada, your code is 482913.');
    expect(message?.html).toContain('<b>482913</b>');
    expect(result.stdout).toContain('sent SignIn to ada@example.com');
    expect(result.stdout).toContain(`messageId: ${message?.messageId}`);
    expect(result.stdout).toMatch(/accepted:\s+ada@example\.com/);
    expect(result.stdout).toMatch(/attempts:\s+1/);
  });

  it("falls back to the config's Generic for a usage type nothing else covers", async () => {
    const result = await run(['send', file, '--to', 'ada@example.com', '--type', 'PasskeyAdded', '--code', '111222'], {
      env: { SMTP_PASS: PASSWORD },
    });
    expect(result.code).toBe(0);
    expect((await sink.waitForMessages(1))[0]?.text).toContain('Code: 111222');
  });

  it('exits 1 when the server refuses the recipient, with the reply code', async () => {
    const result = await run(['send', file, '--to', 'bounce@example.com', '--type', 'Generic', '--code', '1'], {
      env: { SMTP_PASS: PASSWORD },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^✖ /);
    expect(result.stderr).toContain('code: Rejected');
    expect(result.stderr).toContain('reply: 550');
    expect(sink.messages).toEqual([]);
  });

  it('exits 1 without printing the password when the credentials are refused', async () => {
    const wrong = 'wrong-Staple-passw0rd-7';
    const result = await run(['send', file, '--to', 'ada@example.com', '--type', 'Generic', '--code', '1'], { env: { SMTP_PASS: wrong } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('code: AuthFailed');
    expect(`${result.stdout}${result.stderr}`).not.toContain(wrong);
    expect(`${result.stdout}${result.stderr}`).not.toContain(Buffer.from(wrong).toString('base64'));
  });

  it('exits 1 for a variable the template needs and the command line lacks', async () => {
    const result = await run(['send', file, '--to', 'ada@example.com', '--type', 'SignIn', '--code', '1'], { env: { SMTP_PASS: PASSWORD } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('code: MissingVariable');
  });

  it.each([
    [['send', 'config.json', '--type', 'Generic'], 'send needs --to'],
    [['send', 'config.json', '--to', 'ada@example.com'], 'send needs --type'],
    [['send', 'config.json', '--to', 'a@example.com', '--type', 'Generic', '--bogus'], "Unknown option '--bogus'"],
    [['send', 'config.json', '--to', 'a@example.com', '--type', 'Generic', '--var', 'novalue'], '--var takes key=value'],
    [['send', '--to', 'a@example.com', '--type', 'Generic'], 'send needs the path of a JSON config file'],
  ])('exits 2 for a usage error: %j', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('auth-mailer send --help');
  });
});
