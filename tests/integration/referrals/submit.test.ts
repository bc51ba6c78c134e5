import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, resident, samplePractice, selfAnswers, type SamplePractice, sql, submit } from './support.ts';

let practice: SamplePractice;
beforeAll(async () => {
  practice = await samplePractice('U90001');
});
afterAll(() => db.end());

describe('submitting a self-referral', () => {
  it('stores the referral owned by the session and returns a short unambiguous reference', async () => {
    const person = await resident();
    const answer = await submit(person, selfAnswers(practice));
    expect(answer.status).toBe(200);
    const { reference, replayed } = answer.body as { reference: string; replayed: boolean };
    expect(reference).toMatch(/^SP-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
    expect(replayed).toBe(false);
    const [row] = await sql<{ owner_id: string; status: string; consent_version: string; consent_recorded_at: Date }>(
      `select owner_id, status, consent_version, consent_recorded_at from public.referrals where reference = $1`,
      [reference],
    );
    expect(row).toMatchObject({ owner_id: person.id, status: 'new', consent_version: 'self-2026-12' });
    expect(row!.consent_recorded_at).toBeInstanceOf(Date);
  });
});
