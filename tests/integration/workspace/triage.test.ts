import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, londonDate } from '../../../src/lib/working-days/working-days.ts';
import { call, db, inboxIds, makePlace, type Place, referral, removePlace, resident, rpc, sql } from './support.ts';

/**
 * One triage across teams, through the API with real tokens: who sees which referrals in the
 * inbox, who may move them, and what the database refuses and records.
 */
let place: Place;

beforeAll(async () => {
  place = await makePlace();
});

afterAll(async () => {
  await removePlace(place);
  await db.end();
});

describe('who sees which referrals in the inbox', () => {
  it('shows a link worker the referrals of their team, and not those of another team serving the same PCN', async () => {
    const ours = await referral(place);
    const theirs = await referral(place, { team: place.teams.vcse });
    const ids = await inboxIds(place.linkWorker);
    expect(ids).toContain(ours.id);
    expect(ids).not.toContain(theirs.id);
  });

  it('shows a coordinator every team’s referrals in the PCNs their team serves, and none from elsewhere', async () => {
    const ours = await referral(place);
    const theirs = await referral(place, { team: place.teams.vcse });
    const elsewhere = await referral(place, { elsewhere: true });
    const ids = await inboxIds(place.coordinator);
    expect(ids).toEqual(expect.arrayContaining([ours.id, theirs.id]));
    expect(ids).not.toContain(elsewhere.id);
  });

  it('shows a curator, a resident and a link worker without a second factor nothing, not even the resident’s own referral', async () => {
    const own = await referral(place);
    expect(await inboxIds(place.curator)).toEqual([]);
    expect(await inboxIds(own.owner)).toEqual([]);
    expect(await inboxIds(place.linkWorkerAal1)).toEqual([]);
  });

  it('refuses the inbox to a caller with no session at all', async () => {
    const answer = await rpc(null, 'workspace_inbox', {});
    expect({ status: answer.status, code: answer.code }).toEqual({ status: 401, code: '42501' });
  });

  it('puts overdue referrals first, then the newest, and counts them by status', async () => {
    const old = await referral(place, { createdAt: new Date(Date.now() - 30 * 86_400_000).toISOString() });
    const fresh = await referral(place);
    const answer = await rpc(place.linkWorker, 'workspace_inbox', { page_size: 200 });
    const rows = answer.body as { id: string; overdue: boolean; total: number }[];
    expect(rows[0]).toMatchObject({ id: old.id, overdue: true });
    expect(rows.find((r) => r.id === fresh.id)).toMatchObject({ overdue: false });
    expect(rows.every((r) => r.total === rows.length)).toBe(true);
    const counts = (await rpc(place.linkWorker, 'workspace_inbox_counts', {})).body as { status: string; total: number; overdue: number }[];
    expect(counts.find((c) => c.status === 'new')).toMatchObject({ total: rows.length });
    expect(counts.find((c) => c.status === 'new')!.overdue).toBeGreaterThanOrEqual(1);
  });

  it('filters by source, by assignment to me, and by status', async () => {
    const fromGp = await referral(place, { source: 'gp_practice' });
    expect(await inboxIds(place.linkWorker, { source: 'gp_practice' })).toEqual([fromGp.id]);
    expect(await inboxIds(place.linkWorker, { assigned_to_me: true })).toEqual([]);
    expect((await rpc(place.linkWorker, 'assign_referral', { referral_id: fromGp.id, assignee: place.linkWorker.id })).status).toBe(200);
    expect(await inboxIds(place.linkWorker, { assigned_to_me: true })).toEqual([fromGp.id]);
    expect(await inboxIds(place.linkWorker, { status: 'closed' })).toEqual([]);
  });
});

describe('the status workflow', () => {
  it('moves a new referral to contacted and records who did it on the timeline', async () => {
    const r = await referral(place);
    const moved = await rpc(place.linkWorker, 'move_referral', { referral_id: r.id, to_status: 'contacted' });
    expect(moved).toMatchObject({ status: 200, body: { status: 'contacted' } });
    const [event] = await sql<{ actor: string; actor_id: string; person_visible: boolean }>(
      `select actor, actor_id, person_visible from public.referral_events where referral_id = $1 and to_status = 'contacted'`,
      [r.id],
    );
    expect(event).toEqual({ actor: 'staff', actor_id: place.linkWorker.id, person_visible: true });
  });

  it('refuses a move the workflow does not allow, saying where the referral can go instead', async () => {
    const r = await referral(place);
    const answer = await rpc(place.linkWorker, 'move_referral', { referral_id: r.id, to_status: 'active' });
    expect(answer).toMatchObject({ status: 409, code: 'SP409', hint: 'to_status' });
    expect(answer.message).toBe('A referral that is new cannot become active. It can become: accepted, in contact, declined.');
  });

  it('needs an outcome to close a referral, and then lets nothing move it again', async () => {
    const r = await referral(place);
    await rpc(place.linkWorker, 'move_referral', { referral_id: r.id, to_status: 'contacted' });
    const noOutcome = await rpc(place.linkWorker, 'move_referral', { referral_id: r.id, to_status: 'closed' });
    expect(noOutcome).toMatchObject({ status: 422, code: 'SP422', hint: 'outcome' });
    const closed = await rpc(place.linkWorker, 'move_referral', { referral_id: r.id, to_status: 'closed', outcome: 'needs_met' });
    expect(closed.status).toBe(200);
    const again = await rpc(place.linkWorker, 'move_referral', { referral_id: r.id, to_status: 'active' });
    expect(again).toMatchObject({ status: 409, message: 'This referral is closed, so its status cannot change any more.' });
  });

  it('leaves withdrawing to the person', async () => {
    const r = await referral(place);
    const answer = await rpc(place.linkWorker, 'move_referral', { referral_id: r.id, to_status: 'withdrawn' });
    expect(answer).toMatchObject({ status: 409, code: 'SP409' });
  });

  it('declines only with a reason, which the person reads, and tells them by email without it', async () => {
    const r = await referral(place);
    const noReason = await rpc(place.linkWorker, 'move_referral', { referral_id: r.id, to_status: 'declined', reason: '  ' });
    expect(noReason).toMatchObject({ status: 422, hint: 'reason' });
    const reason = 'We only work with people registered at practices in the Workspace PCN. Your own practice can refer you to its team.';
    expect((await rpc(place.linkWorker, 'move_referral', { referral_id: r.id, to_status: 'declined', reason })).status).toBe(200);
    const own = await call(r.owner, 'GET', `referrals?id=eq.${r.id}&select=status,decline_reason`);
    expect(own.body).toEqual([{ status: 'declined', decline_reason: reason }]);
    const outbox = await sql(`select kind, recipient from public.notification_outbox where referral_id = $1 order by id`, [r.id]);
    expect(outbox).toEqual([
      { kind: 'referral_received', recipient: 'team' },
      { kind: 'referral_declined', recipient: 'person' },
    ]);
  });

  it('turns away staff of another team, staff without a second factor, residents and curators', async () => {
    const r = await referral(place);
    const move = (who: typeof place.linkWorker | null) => rpc(who, 'move_referral', { referral_id: r.id, to_status: 'triaged' });
    expect(await move(place.elsewhereWorker)).toMatchObject({ status: 404, code: 'SP404' });
    expect(await move(place.vcseWorker)).toMatchObject({ status: 404, code: 'SP404' });
    expect(await move(place.curator)).toMatchObject({ status: 404, code: 'SP404' });
    expect(await move(place.linkWorkerAal1)).toMatchObject({ status: 403, code: 'SP403' });
    expect(await move(r.owner)).toMatchObject({ status: 403, code: 'SP403' });
    expect((await move(null)).status).toBe(401);
    const [row] = await sql<{ status: string }>(`select status from public.referrals where id = $1`, [r.id]);
    expect(row!.status).toBe('new');
  });
});

describe('routing between the teams serving a place', () => {
  it('lets a coordinator route a referral to another team with a reason, which the person does not see', async () => {
    const r = await referral(place);
    const answer = await rpc(place.coordinator, 'route_referral', {
      referral_id: r.id,
      to_team: place.teams.vcse,
      reason: 'Needs time with someone who knows dementia support',
    });
    expect(answer).toMatchObject({ status: 200, body: { team_id: place.teams.vcse } });
    expect(await inboxIds(place.vcseWorker)).toContain(r.id);
    expect(await inboxIds(place.linkWorker)).not.toContain(r.id);
    expect((await call(place.linkWorker, 'GET', `referrals?id=eq.${r.id}&select=id`)).body).toEqual([]);
    const events = (await call(r.owner, 'GET', `referral_events?referral_id=eq.${r.id}&select=kind`)).body as { kind: string }[];
    expect(events.map((e) => e.kind)).toEqual(['submitted']);
    const [routed] = await sql<{ detail: Record<string, string> }>(
      `select detail from public.referral_events where referral_id = $1 and kind = 'routed'`,
      [r.id],
    );
    expect(routed!.detail).toMatchObject({ to_team: 'Workspace Connectors', reason: 'Needs time with someone who knows dementia support' });
    const mail = await sql(
      `select team_id from public.notification_outbox where referral_id = $1 and kind = 'referral_received' order by id`,
      [r.id],
    );
    expect(mail).toEqual([{ team_id: place.teams.pcnTeam }, { team_id: place.teams.vcse }]);
  });

  it('gives the routed referral the new team’s first-contact time, counted in working days from when it arrived', async () => {
    const r = await referral(place);
    await rpc(place.coordinator, 'route_referral', { referral_id: r.id, to_team: place.teams.vcse, reason: 'Their caseload is lighter' });
    const [row] = await sql<{ created_at: Date; due: string }>(
      `select created_at, first_contact_due_on::text as due from public.referrals where id = $1`,
      [r.id],
    );
    expect(row!.due).toBe(addWorkingDays(londonDate(row!.created_at), 3));
  });

  it('refuses routing by a link worker, to a team that does not serve the PCN, and without a reason', async () => {
    const r = await referral(place);
    expect(await rpc(place.linkWorker, 'route_referral', { referral_id: r.id, to_team: place.teams.vcse, reason: 'x' })).toMatchObject({
      status: 403,
      code: 'SP403',
    });
    expect(
      await rpc(place.coordinator, 'route_referral', { referral_id: r.id, to_team: place.teams.elsewhere, reason: 'x' }),
    ).toMatchObject({ status: 422, hint: 'to_team' });
    expect(await rpc(place.coordinator, 'route_referral', { referral_id: r.id, to_team: place.teams.vcse, reason: '' })).toMatchObject({
      status: 422,
      hint: 'reason',
    });
  });
});

describe('the record', () => {
  it('sets the first-contact due date from the team’s working days when the referral arrives', async () => {
    const r = await referral(place);
    const [row] = await sql<{ created_at: Date; due: string }>(
      `select created_at, first_contact_due_on::text as due from public.referrals where id = $1`,
      [r.id],
    );
    expect(row!.due).toBe(addWorkingDays(londonDate(row!.created_at), 5));
  });

  it('assigns only to a link worker of the referral’s team', async () => {
    const r = await referral(place);
    expect(await rpc(place.linkWorker, 'assign_referral', { referral_id: r.id, assignee: place.vcseWorker.id })).toMatchObject({
      status: 422,
      hint: 'assignee',
    });
    expect((await rpc(place.coordinator, 'assign_referral', { referral_id: r.id, assignee: place.linkWorker.id })).status).toBe(200);
    const [event] = await sql<{ kind: string; person_visible: boolean; actor_id: string }>(
      `select kind, person_visible, actor_id from public.referral_events where referral_id = $1 and kind = 'assigned'`,
      [r.id],
    );
    expect(event).toEqual({ kind: 'assigned', person_visible: false, actor_id: place.coordinator.id });
  });

  it('records a contact, and moves the referral to contacted when the link worker spoke with the person', async () => {
    const r = await referral(place);
    expect((await rpc(place.linkWorker, 'record_contact', { referral_id: r.id, method: 'phone', result: 'no_answer' })).body).toMatchObject(
      {
        status: 'new',
      },
    );
    expect((await rpc(place.linkWorker, 'record_contact', { referral_id: r.id, method: 'phone', result: 'spoke' })).body).toMatchObject({
      status: 'contacted',
    });
    expect(await rpc(place.linkWorker, 'record_contact', { referral_id: r.id, method: 'pigeon', result: 'spoke' })).toMatchObject({
      status: 422,
      hint: 'method',
    });
  });
});

describe('messages and case notes', () => {
  it('sends the person a message signed by the link worker, counted unread on each side', async () => {
    const r = await referral(place);
    const sent = await rpc(place.linkWorker, 'send_staff_message', { referral_id: r.id, body: '  Hello, I will ring on Tuesday.  ' });
    expect(sent).toMatchObject({
      status: 200,
      body: { author_kind: 'staff', author_name: 'Referrals test, link worker', body: 'Hello, I will ring on Tuesday.' },
    });
    expect((await rpc(r.owner, 'unread_message_count', { referral_id: r.id })).body).toBe(1);
    await call(r.owner, 'POST', 'referral_messages', { referral_id: r.id, body: 'Tuesday is fine' });
    expect((await rpc(place.linkWorker, 'unread_message_count', { referral_id: r.id })).body).toBe(1);
    const counts = await rpc(place.linkWorker, 'unread_message_counts', { referral_ids: [r.id] });
    expect(counts.body).toEqual([{ referral_id: r.id, unread: 1 }]);
    const outbox = await sql(`select kind from public.notification_outbox where referral_id = $1 and recipient = 'person'`, [r.id]);
    expect(outbox).toEqual([{ kind: 'message_for_person' }]);
  });

  it('refuses an empty message and a message from another team', async () => {
    const r = await referral(place);
    expect(await rpc(place.linkWorker, 'send_staff_message', { referral_id: r.id, body: ' ' })).toMatchObject({
      status: 422,
      hint: 'body',
    });
    expect(await rpc(place.elsewhereWorker, 'send_staff_message', { referral_id: r.id, body: 'Hi' })).toMatchObject({ status: 404 });
  });

  it('keeps case notes from the person: neither the note nor its line on the timeline reaches them', async () => {
    const r = await referral(place);
    const added = await call(place.linkWorker, 'POST', 'referral_case_notes', { referral_id: r.id, body: 'Sounded low; check in Friday' });
    expect(added.status).toBe(201);
    expect((await call(place.coordinator, 'GET', `referral_case_notes?referral_id=eq.${r.id}&select=body`)).body).toEqual([
      { body: 'Sounded low; check in Friday' },
    ]);
    expect((await call(r.owner, 'GET', `referral_case_notes?referral_id=eq.${r.id}&select=body`)).body).toEqual([]);
    const ownEvents = (await call(r.owner, 'GET', `referral_events?referral_id=eq.${r.id}&select=kind`)).body as { kind: string }[];
    expect(ownEvents.map((e) => e.kind)).toEqual(['submitted']);
    const staffEvents = (await call(place.linkWorker, 'GET', `referral_events?referral_id=eq.${r.id}&select=kind&order=id`)).body as {
      kind: string;
    }[];
    expect(staffEvents.map((e) => e.kind)).toEqual(['submitted', 'case_note_added']);
  });

  it('refuses a case note written in someone else’s name', async () => {
    const r = await referral(place);
    const forged = await call(place.linkWorker, 'POST', 'referral_case_notes', {
      referral_id: r.id,
      body: 'x',
      author_id: place.coordinator.id,
    });
    expect(forged).toMatchObject({ status: 403, code: '42501' });
  });
});

describe('team memberships', () => {
  it('gives a link worker who is also a member of another team that team’s referrals too', async () => {
    const theirs = await referral(place, { team: place.teams.vcse });
    expect(await inboxIds(place.linkWorker)).not.toContain(theirs.id);
    await sql(`insert into public.staff_team_memberships (user_id, team_id) values ($1, $2)`, [place.linkWorker.id, place.teams.vcse]);
    try {
      expect(await inboxIds(place.linkWorker)).toContain(theirs.id);
    } finally {
      await sql(`delete from public.staff_team_memberships where user_id = $1`, [place.linkWorker.id]);
    }
  });
});

describe('the resident', () => {
  it('reads their own referral but not the staff fields of anyone else’s', async () => {
    const mine = await referral(place);
    const stranger = await resident();
    expect((await call(stranger, 'GET', `referrals?id=eq.${mine.id}&select=id`)).body).toEqual([]);
    expect((await call(mine.owner, 'GET', `referrals?id=eq.${mine.id}&select=id,first_contact_due_on`)).body).toHaveLength(1);
  });
});
