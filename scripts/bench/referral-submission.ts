import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { SubmissionInput } from '../../src/lib/referrals/schema.ts';

/**
 * A valid self-referral for the bench: the answers a person would give, with the key the browser
 * makes (the same for every retry of one referral, so a retry is a replay, never a second referral).
 * The start time is a minute back, as a person takes that long to fill the form.
 */
export function referralSubmission(key: string, practice: { code: string; pcnCode: string }): SubmissionInput {
  return {
    source: 'self',
    given_name: 'Bench',
    family_name: `Person ${randomUUID().slice(0, 8)}`,
    date_of_birth: '1960-05-20',
    postcode: 'PE30 1AB',
    pcn_code: practice.pcnCode,
    gp_practice_code: practice.code,
    needs: ['loneliness'],
    what_matters: 'Meeting people nearby.',
    contact_methods: ['phone'],
    phone: '01632 960 001',
    email: null,
    safe_times: null,
    may_leave_message: false,
    access_needs: null,
    interpreter_language: null,
    consent_given: true,
    consent_version: 'self-2026-12',
    idempotency_key: key,
    form_started_at: new Date(Date.now() - 60_000).toISOString(),
    website: '',
  };
}

/**
 * Bench-only limits (the referrals migration's public.referral_limits and
 * referral_address_allowances): each submitter's session may send as many referrals as the run
 * needs, and so may each submitter's own loopback address (scripts/bench/referral-submitters.ts).
 * Only the bench stack, wiped before every run, is changed; other stacks keep their limits.
 */
export async function benchReferralSettings(db: pg.Client, perHour: number, addresses: string): Promise<void> {
  await db.query('update public.referral_limits set per_session_per_hour = $1', [perHour]);
  await db.query(
    `insert into public.referral_address_allowances (addresses, per_hour, note)
     values ($2, $1, 'npm run bench:referrals: each submitter connects from its own loopback address')
     on conflict (addresses) do update set per_hour = greatest(public.referral_address_allowances.per_hour, excluded.per_hour)`,
    [perHour, addresses],
  );
}

/** Rows stored for the bench's keys, and which keys they hold. */
export async function storedReferrals(db: pg.Client, keys: string[]): Promise<{ rows: number; keys: Set<string> }> {
  const { rows } = await db.query<{ key: string; n: number }>(
    'select idempotency_key::text as key, count(*)::int as n from public.referrals where idempotency_key = any($1::uuid[]) group by 1',
    [keys],
  );
  return { rows: rows.reduce((sum, r) => sum + r.n, 0), keys: new Set(rows.map((r) => r.key)) };
}
