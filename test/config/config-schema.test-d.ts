import type { InferInput, InferOutput } from 'valibot';
import { describe, expectTypeOf, it } from 'vitest';

import type { buildMailerConfigSchema } from '../../src/config/config-schema.js';
import type { MailerConfig, ResolvedMailerConfig } from '../../src/config/mailer-config.js';

type SchemaInput = InferInput<ReturnType<typeof buildMailerConfigSchema>>;
type SchemaOutput = InferOutput<ReturnType<typeof buildMailerConfigSchema>>;

describe('the config schema matches the hand-written public types', () => {
  it('accepts every MailerConfig, and only MailerConfig shapes', () => {
    expectTypeOf<SchemaInput>().not.toBeAny();
    expectTypeOf<MailerConfig>().toExtend<SchemaInput>();
    expectTypeOf<SchemaInput>().toExtend<MailerConfig>();
  });

  it('produces a ResolvedMailerConfig', () => {
    expectTypeOf<SchemaOutput>().not.toBeAny();
    expectTypeOf<SchemaOutput>().toExtend<ResolvedMailerConfig>();
  });
});
