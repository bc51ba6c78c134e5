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

/** Every string in what a schema hands on, however deep. */
function stringsIn(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, found);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsIn(item, found);
  return found;
}

/**
 * What people type and Signpost stores: the referral journey and its messages, reports about
 * listings, and the workspace's notes, plans, fund entries and invitations. A new form belongs here.
 */
const whatPeopleSend = [
  'aboutYouStep',
  'practiceStep',
  'helpStep',
  'contactStep',
  'accessStep',
  'consentStep',
  'referrerStep',
  'professionalReasonStep',
  'messageBodySchema',
  'withdrawSchema',
  'problemReportSchema',
  'groupSuggestionSchema',
  'caseNoteBodySchema',
  'planInputSchema',
  'spendInputSchema',
  'topUpInputSchema',
  'staffInviteSchema',
];
const longestAnswer = 4_000;
/** The schemas of these names, each once (src/lib/schemas/index.ts exports them again). */
const named = (names: string[]) => [
  ...new Map(
    schemas.filter(({ name }) => names.some((wanted) => name.endsWith(`: ${wanted}`))).map((entry) => [entry.schema, entry]),
  ).values(),
];

// The change history is written by the database's own triggers from rows already checked, never from input.
const historyOfChanges = /changeHistory|change-history/;

/**
 * The catalogue's rows and the ORUK feed readers: what publishers and curators write. Their text
 * may run long (a service's description is the publisher's to write), but is held to no control characters.
 */
const whatPublishersSend = schemas.filter(
  ({ name }) => ['src/lib/schemas/', 'src/lib/oruk/'].some((folder) => name.startsWith(folder)) && !historyOfChanges.test(name),
);

/** Each field alone: a whole form rarely gets past all its checks with random values, so a lax field would hide behind its neighbours. */
// A field that takes anything (a feed's nested parts) hands it on to the schema that reads it, tested in its own right.
const fieldsOf = (schema: z.ZodType): z.ZodType[] =>
  (schema instanceof z.ZodObject ? (Object.values(schema.shape) as z.ZodType[]) : [schema]).filter(
    (field) => !field.safeParse(Symbol('anything')).success && !field.safeParse([Symbol('anything')]).success,
  );

/** Every adversarial string, alone and in a list, then random ones: each string a field accepts must pass `check`. */
function checkEveryFieldHandsOn(schema: z.ZodType, check: (text: string) => void): void {
  const handedOn = (field: z.ZodType, input: unknown) => {
    const result = field.safeParse(input);
    if (result.success) for (const text of stringsIn(result.data)) check(text);
  };
  const fixed = [...adversarialStrings, nul, 'a'.repeat(longestAnswer + 1), `Lonely${nul} and${'\u0007'} low`];
  for (const field of fieldsOf(schema)) {
    for (const input of fixed) {
      handedOn(field, input);
      handedOn(field, [input]);
    }
    fc.assert(
      fc.property(adversarialText, (input) => handedOn(field, input)),
      { numRuns: 60 },
    );
  }
}

// Control characters other than tab and line breaks: invisible, they can spoof text, break a CSV or
// a terminal, and Postgres refuses a NUL outright.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

describe('every zod schema, given hostile input', () => {
  it('finds the schemas to test', () => {
    expect(schemas.length).toBeGreaterThan(40);
    expect(named(whatPeopleSend)).toHaveLength(whatPeopleSend.length);
  });

  it.each(schemas)('$name answers with success or specific issues, and never throws', ({ schema }) => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), hostileValue, shaped(schema)), (input) => expectAnswered(schema, input)),
      { numRuns: 150 },
    );
  });

  it.each(named(whatPeopleSend))('$name hands on no control character and no text over its limit, field by field', ({ schema }) => {
    checkEveryFieldHandsOn(schema, (text) => {
      expect(text).not.toMatch(controlCharacter);
      expect(text.length).toBeLessThanOrEqual(longestAnswer);
    });
  });

  it.each(whatPublishersSend)('$name hands on no control character, field by field', ({ schema }) => {
    checkEveryFieldHandsOn(schema, (text) => expect(text).not.toMatch(controlCharacter));
  });
});
