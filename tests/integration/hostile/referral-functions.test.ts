import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { adversarialStrings, nul } from './adversarial.ts';
import { call, resident, samplePractice, selfAnswers, sql, submit, type ApiAnswer, type SamplePractice } from '../referrals/support.ts';

/**
 * Hostile input to the functions residents can call, through the gateway with real sessions:
 * random and adversarial values in every answer. Each call must end in a specific refusal (a
 * 4xx with one of the referral codes and a message written for people) or in safe storage of
 * exactly what was sent; never a 5xx, a stack trace or a database message.
 */

const adversarialText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(...adversarialStrings, nul),
  fc.string({ minLength: 1001, maxLength: 40_000 }).map((s) => s.padEnd(2001, 'x')),
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);
const hostileValue = fc.oneof(adversarialText, wrongType);

const fields = Object.keys(selfAnswers({ code: 'A00000', name: '', pcnCode: 'U00000', pcnId: '' })).filter(
  // The retry key and start time are checked like any other answer, but a broken key is refused before anything else.
  (f) => f !== 'website',
);

/** What a person may be shown: our own codes with our own words, never the database's. */
function expectSpecificRefusalOrSuccess(answer: ApiAnswer): void {
  expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
  if (answer.status === 200) return;
  // A NUL cannot become text: PostgREST refuses it before the function runs, saying so. The
  // browser drops control characters before sending (src/lib/referrals/schema.ts).
  if (answer.code === '22P05') return expect(answer.status).toBe(400);
  expect(answer.code, JSON.stringify(answer.body)).toMatch(/^SP\d{3}$/);
  expect(answer.message).toBeTruthy();
  expect(answer.message).not.toMatch(/violates|constraint|syntax|ERROR:|at .*\(.*:\d+\)|relation "|column "|function /i);
}

let practice: SamplePractice;
beforeAll(async () => {
  practice = await samplePractice();
});

describe('hostile answers to submit_referral', () => {
  it('end in a specific refusal or in storing exactly what was sent, whatever one answer holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), hostileValue, async (field, value) => {
        const person = await resident();
        const answers = selfAnswers(practice, { [field]: value });
        const answer = await submit(person, answers);
        expectSpecificRefusalOrSuccess(answer);
        if (answer.status === 200 && typeof value === 'string' && ['what_matters', 'safe_times', 'access_needs'].includes(field)) {
          const [stored] = await sql<{ text: string | null }>(`select ${field} as text from public.referrals where owner_id = $1`, [
            person.id,
          ]);
          expect(stored?.text).toBe(value.trim() === '' ? null : value.trim());
        }
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  it('end in a specific refusal when the whole body is something other than answers', async () => {
    const person = await resident();
    await fc.assert(
      fc.asyncProperty(fc.oneof(wrongType, adversarialText), async (body) => {
        expectSpecificRefusalOrSuccess(await submit(person, body));
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('hostile values to the other functions a resident can call', () => {
  it('withdraw_referral refuses any referral id or reason that is not theirs or not valid, specifically', async () => {
    const person = await resident();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uuid(), hostileValue), fc.oneof(adversarialText, fc.constant(null)), async (id, reason) => {
        const answer = await call(person, 'POST', 'rpc/withdraw_referral', { referral_id: id, reason });
        expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
        expect(answer.status).not.toBe(200);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('messages on a referral are stored exactly as written, or refused, never shown as anything but text', async () => {
    const person = await resident();
    const made = await submit(person, selfAnswers(practice));
    expect(made.status).toBe(200);
    const [{ id } = { id: '' }] = await sql<{ id: string }>(`select id::text from public.referrals where owner_id = $1`, [person.id]);
    await fc.assert(
      fc.asyncProperty(adversarialText, async (body) => {
        const answer = await call(person, 'POST', 'referral_messages', { referral_id: id, body });
        expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
        if (answer.status === 201) expect((answer.body as { body: string }[])[0]?.body).toBe(body);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
