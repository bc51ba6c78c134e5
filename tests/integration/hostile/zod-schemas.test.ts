import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { adversarialStrings, nul } from './adversarial.ts';

/**
 * Hostile input to every zod schema the product defines: random values of every type, and objects
 * with the schema's own field names holding adversarial text, wrong types and nesting. A schema must
 * answer every one with success or with issues that each carry a message; it must never throw
 * (a thrown TypeError in a refine or transform would surface as a 500 or a blank screen).
 */
// Where the product defines its schemas: the shared library and the browser journeys' own checks.
const modules = import.meta.glob<Record<string, unknown>>(
  [
    '../../../src/lib/**/*.ts',
    '../../../src/components/referral/*.ts',
    '../../../src/components/my-referral/*.ts',
    '!../../../src/**/*.test.ts',
  ],
  { eager: true },
);

const schemas = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
    .map(([name, schema]) => ({ name: `${file.replace(/^.*\/src\//, 'src/')}: ${name}`, schema })),
);

const adversarialText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom(...adversarialStrings, nul),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
);
const hostileValue = fc.oneof(
  adversarialText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(adversarialText, { maxLength: 4 }),
  fc.object({ maxDepth: 2 }),
);

/** Objects shaped like what the schema reads, with hostile values: random input alone rarely gets past the first check. */
function shaped(schema: z.ZodType): fc.Arbitrary<unknown> {
  const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  if (keys.length === 0) return fc.anything();
  return fc.dictionary(fc.constantFrom(...keys), hostileValue, { maxKeys: keys.length });
}

function expectAnswered(schema: z.ZodType, input: unknown): void {
  const result = schema.safeParse(input);
  if (result.success) return;
  expect(result.error.issues.length).toBeGreaterThan(0);
  for (const issue of result.error.issues) expect(typeof issue.message === 'string' && issue.message.length > 0).toBe(true);
}

describe('every zod schema, given hostile input', () => {
  it('finds the schemas to test', () => {
    expect(schemas.length).toBeGreaterThan(40);
  });

  it.each(schemas)('$name answers with success or specific issues, and never throws', ({ schema }) => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), hostileValue, shaped(schema)), (input) => expectAnswered(schema, input)),
      { numRuns: 150 },
    );
  });
});
