import { createHash, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person, type Person, rest, sql } from '../catalogue/support.ts';
import { fixtureService, hostile, publishedService, removeService, report } from './support.ts';

/**
 * Problem reports and suggested groups (20261203006000_curation.sql): anyone may send one through
 * submit_listing_report; only curators with a second factor read and decide on them.
 */
let service: { id: string; name: string };
const made: string[] = [];

beforeAll(async () => {
  service = await publishedService();
});

afterAll(async () => {
  await sql(`delete from public.listing_reports where id = any($1::uuid[])`, [made]);
});

async function sent(body: Record<string, unknown>): Promise<string> {
  const answer = await report(body);
  expect(answer.status).toBe(200);
  const id = (answer.body as { id: string }).id;
  made.push(id);
  return id;
}

describe('reporting a problem with a listing, as anyone', () => {
  it('stores the problem, the note exactly as typed and the optional address, and nothing else about the reporter', async () => {
    const id = await sent({ kind: 'problem', service_id: service.id, problem: 'wrong_time', note: hostile, email: 'me@example.org' });
    const [row] = await sql(
      `select kind, service_id, problem, note, reporter_email, source, reported_by, status from public.listing_reports where id = $1`,
      [id],
    );
    expect(row).toEqual({
      kind: 'problem',
      service_id: service.id,
      problem: 'wrong_time',
      note: hostile,
      reporter_email: 'me@example.org',
      source: 'public',
      reported_by: null,
      status: 'pending',
    });
  });

  it('turns a bot away when the hidden field is filled in', async () => {
    const answer = await report({ kind: 'problem', service_id: service.id, problem: 'closed', website: 'https://spam.example' });
    expect({ status: answer.status, code: answer.code }).toEqual({ status: 403, code: 'SP403' });
  });

  it('says which answer is wrong: an unknown listing, a missing problem, "something else" without a note, a bad email', async () => {
    const cases = [
      [{ kind: 'problem', service_id: 'no-such-listing', problem: 'closed' }, 'service_id'],
      [{ kind: 'problem', service_id: service.id }, 'problem'],
      [{ kind: 'problem', service_id: service.id, problem: 'other', note: '  ' }, 'note'],
      [{ kind: 'problem', service_id: service.id, problem: 'closed', email: 'not an address' }, 'email'],
      [{ kind: 'problem', service_id: service.id, problem: 'closed', note: 'x'.repeat(1201) }, 'note'],
    ] as const;
    for (const [body, field] of cases) {
      const answer = await report(body);
      expect({ status: answer.status, hint: answer.hint }).toEqual({ status: 422, hint: field });
      expect(answer.message).toBeTruthy();
    }
  });

  it('refuses a draft listing the public cannot see', async () => {
    const draft = await fixtureService({ published: false });
    try {
      const answer = await report({ kind: 'problem', service_id: draft, problem: 'closed' });
      expect({ status: answer.status, hint: answer.hint }).toEqual({ status: 422, hint: 'service_id' });
    } finally {
      await removeService(draft);
    }
  });

  it('limits how many reports one network sends in an hour, and another network is not held back', async () => {
    const address = `203.0.113.${randomInt(1, 254)}`;
    const hash = createHash('sha256').update(address).digest('hex');
    await sql(
      `insert into public.anonymous_request_log (bucket, address_hash)
       select 'listing_report', $1 from generate_series(1, (select reports_per_address_per_hour from public.curation_settings))`,
      [hash],
    );
    const refused = await report({ kind: 'problem', service_id: service.id, problem: 'closed' }, address);
    expect({ status: refused.status, code: refused.code }).toEqual({ status: 429, code: 'SP429' });
    const elsewhere = await report({ kind: 'problem', service_id: service.id, problem: 'closed' }, `198.51.100.${randomInt(1, 254)}`);
    expect(elsewhere.status).toBe(200);
    made.push((elsewhere.body as { id: string }).id);
    await sql(`delete from public.anonymous_request_log where address_hash = $1`, [hash]);
  });
});

describe('suggesting a group, as anyone', () => {
  it('stores the suggestion as typed', async () => {
    const id = await sent({
      kind: 'suggestion',
      group_name: hostile,
      group_description: 'Knitting on Tuesdays',
      group_where: 'The library',
    });
    const [row] = await sql(
      `select kind, group_name, group_description, group_where, service_id from public.listing_reports where id = $1`,
      [id],
    );
    expect(row).toEqual({
      kind: 'suggestion',
      group_name: hostile,
      group_description: 'Knitting on Tuesdays',
      group_where: 'The library',
      service_id: null,
    });
  });

  it('asks for the group’s name and what it does', async () => {
    expect((await report({ kind: 'suggestion', group_description: 'Walks' })).hint).toBe('group_name');
    expect((await report({ kind: 'suggestion', group_name: 'Walkers' })).hint).toBe('group_description');
  });
});

describe.each(['anon', 'resident', 'link_worker', 'coordinator'] as const)('moderation as %s', (kind) => {
  let who: Person;
  let pending: string;
  beforeAll(async () => {
    who = await person(kind);
    pending = await sent({ kind: 'problem', service_id: service.id, problem: 'closed' });
  });

  it('cannot read the reports waiting for curators', async () => {
    const result = await rest(who, 'GET', `listing_reports?select=id&id=eq.${pending}`);
    expect(kind === 'anon' ? result.status : result.body).toEqual(kind === 'anon' ? 401 : []);
  });

  it('cannot accept a report', async () => {
    const result = await rest(who, 'POST', 'rpc/decide_listing_report', { report_id: pending, decision: 'accepted' });
    expect({ status: result.status, code: result.code }).toEqual(
      kind === 'anon' ? { status: 401, code: '42501' } : { status: 403, code: 'SP403' },
    );
    expect((await sql(`select status from public.listing_reports where id = $1`, [pending]))[0]).toEqual({ status: 'pending' });
  });

  it('cannot see the review queue', async () => {
    const result = await rest(who, 'POST', 'rpc/review_queue', {});
    expect({ status: result.status, code: result.code }).toEqual({ status: kind === 'anon' ? 401 : 403, code: '42501' });
  });
});

describe('moderation as a curator', () => {
  let curator: Person;
  beforeAll(async () => {
    curator = await person('curator');
  });

  it('reads the reports, with the reporter’s words as they typed them', async () => {
    const id = await sent({ kind: 'problem', service_id: service.id, problem: 'other', note: hostile });
    const result = await rest(curator, 'GET', `listing_reports?select=note,status&id=eq.${id}`);
    expect(result.body).toEqual([{ note: hostile, status: 'pending' }]);
  });

  it('accepts a report, and the reporter who left an address is queued the outcome mail', async () => {
    const id = await sent({ kind: 'problem', service_id: service.id, problem: 'wrong_time', email: 'reporter@example.org' });
    const result = await rest(curator, 'POST', 'rpc/decide_listing_report', {
      report_id: id,
      decision: 'accepted',
      note: 'Times corrected',
    });
    expect(result.status).toBe(204);
    const [row] = await sql(`select status, decided_by, decision_note from public.listing_reports where id = $1`, [id]);
    expect(row).toEqual({ status: 'accepted', decided_by: curator.id, decision_note: 'Times corrected' });
    const outbox = await sql(`select kind, recipient, referral_id from public.notification_outbox where listing_report_id = $1`, [id]);
    expect(outbox).toEqual([{ kind: 'listing_report_accepted', recipient: 'reporter', referral_id: null }]);
  });

  it('rejects a report without an address, and no mail is queued', async () => {
    const id = await sent({ kind: 'problem', service_id: service.id, problem: 'closed' });
    expect((await rest(curator, 'POST', 'rpc/decide_listing_report', { report_id: id, decision: 'rejected' })).status).toBe(204);
    expect(await sql(`select 1 from public.notification_outbox where listing_report_id = $1`, [id])).toEqual([]);
  });

  it('is told plainly when another curator decided first', async () => {
    const id = await sent({ kind: 'problem', service_id: service.id, problem: 'closed' });
    await rest(curator, 'POST', 'rpc/decide_listing_report', { report_id: id, decision: 'rejected' });
    const again = await rest(curator, 'POST', 'rpc/decide_listing_report', { report_id: id, decision: 'accepted' });
    expect({ status: again.status, code: again.code }).toEqual({ status: 409, code: 'SP409' });
  });

  it('cannot decide without the second factor', async () => {
    const id = await sent({ kind: 'problem', service_id: service.id, problem: 'closed' });
    const aal1 = await person('curator', { aal: 'aal1' });
    const result = await rest(aal1, 'POST', 'rpc/decide_listing_report', { report_id: id, decision: 'accepted' });
    expect({ status: result.status, code: result.code }).toEqual({ status: 403, code: 'SP403' });
  });

  it('cannot see referrals', async () => {
    expect((await rest(curator, 'GET', 'referrals?select=id&limit=5')).body).toEqual([]);
  });
});

describe('a link worker flagging a listing from the workspace', () => {
  it('sends it through the same function, recorded as from staff and by whom', async () => {
    const worker = await person('link_worker');
    const result = await rest(worker, 'POST', 'rpc/submit_listing_report', {
      report: { kind: 'problem', service_id: service.id, problem: 'wrong_contact', note: 'The phone number rings out', website: '' },
    });
    expect(result.status).toBe(200);
    const id = (result.body as { id: string }).id;
    made.push(id);
    expect((await sql(`select source, reported_by from public.listing_reports where id = $1`, [id]))[0]).toEqual({
      source: 'staff',
      reported_by: worker.id,
    });
  });
});
