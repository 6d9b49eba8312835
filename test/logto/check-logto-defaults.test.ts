import createLogtoSmtpConnector from '@logto/connector-smtp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, tempDir, writeConfig } from '../cli/run-cli-helper.js';

describe("auth-mailer check on the config Logto's console starts an SMTP connector with", () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(() => dir.cleanup());

  it('warns that its OrganizationInvitation template shows {{code}}, which Logto never sends for an invitation', async () => {
    const { metadata } = await createLogtoSmtpConnector({ getConfig: async () => ({}) });
    const templates = metadata.formItems?.find((item) => item.key === 'templates')?.defaultValue as Array<{ usageType: string }>;
    const file = await writeConfig(dir.path, {
      host: 'smtp.acme.example',
      port: 465,
      auth: { type: 'login', user: 'mailer', pass: 'Pw-7fQ2xLm9Rz4K' },
      fromEmail: 'no-reply@acme.example',
      templates,
    });
    const result = await run(['check', file]);
    const index = templates.findIndex((template) => template.usageType === 'OrganizationInvitation');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`warning templates[${index}] (OrganizationInvitation) uses {{code}} but not {{link}}`);
    expect(result.stdout).toContain('1 warning');
  });
});
