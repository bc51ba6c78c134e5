import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollingThread } from '../../../src/lib/messages/index.ts';
import { loadMyReferral, withdrawReferral } from '../../../src/lib/referrals/client.ts';
import { ReferralError } from '../../../src/lib/referrals/errors.ts';
import type { ReferralMessage } from '../../../src/lib/referrals/schema.ts';
import { sendLinkWorkerMessage } from '../../../scripts/lib/referral-message.ts';
import { supabaseService } from '../../../scripts/lib/supabase-service.ts';
import { testStack } from '../../support/stack.ts';
import {
  call,
  clientAs,
  db,
  resident,
  type Resident,
  samplePractice,
  type SamplePractice,
  selfAnswers,
  sql,
  submit,
  wardAnswers,
} from './support.ts';

/**
 * The thread between a person and their link worker, through the messages interface and
 * PostgREST; withdrawing a referral; the history the database keeps of both.
 */
let practice: SamplePractice;
const service = supabaseService({ PUBLIC_SUPABASE_URL: testStack.supabaseUrl, SUPABASE_SECRET_KEY: testStack.secretKey });

async function referralOf(person: Resident, overrides: Record<string, unknown> = {}) {
  const reference = ((await submit(person, selfAnswers(practice, overrides))).body as { reference: string }).reference;
  const [row] = await sql<{ id: string }>(`select id from public.referrals where reference = $1`, [reference]);
  return { reference, id: row!.id };
}

beforeAll(async () => {
  practice = await samplePractice('U90001');
});
afterAll(() => db.end());

describe('the message thread', () => {
  it("keeps the person's message with the server's time, signed as the person", async () => {
    const person = await resident();
    const referral = await referralOf(person);
    const thread = pollingThread(clientAs(person), referral.id);
    const sent = await thread.send('  Thank you, mornings are best.  ');
    expect(sent).toMatchObject({ author_kind: 'person', author_id: person.id, author_name: null, body: 'Thank you, mornings are best.' });
    expect(Math.abs(Date.parse(sent.created_at) - Date.now())).toBeLessThan(60_000);
    expect((await thread.list()).map((m) => m.id)).toEqual([sent.id]);
  });

  it("delivers a link worker's message sent by the script, counts it unread until marked read, and queues an email", async () => {
    const person = await resident();
    const referral = await referralOf(person);
    const thread = pollingThread(clientAs(person), referral.id);
    const sent = await sendLinkWorkerMessage(service, {
      reference: referral.reference.toLowerCase(),
      text: 'Hello Ada, I will call on Tuesday.',
      from: 'Sam, link worker',
    });
    expect(sent).toMatchObject({ status: 'contacted', queuedNotification: true });
    expect(await thread.unreadCount()).toBe(1);
    await thread.send('Tuesday is fine.');
    expect(await thread.unreadCount()).toBe(1);
    await thread.markRead(sent.message.id);
    expect(await thread.unreadCount()).toBe(0);
    const outbox = await sql(`select kind, recipient, team_id from public.notification_outbox where message_id = $1`, [sent.message.id]);
    expect(outbox).toEqual([{ kind: 'message_for_person', recipient: 'person', team_id: null }]);
  });

  it('queues no email for a person who did not choose email', async () => {
    const referral = await referralOf(await resident(), { contact_methods: ['phone'], email: null });
    const sent = await sendLinkWorkerMessage(service, { reference: referral.reference, text: 'I tried to call you.' });
    expect(sent.queuedNotification).toBe(false);
  });

  it("queues no email to the person on a professional's referral: its thread is the referrer's", async () => {
    const person = await resident();
    const answer = await submit(person, wardAnswers(practice, { contact_methods: ['email'], email: 'bert@example.org' }));
    const { reference } = answer.body as { reference: string };
    const sent = await sendLinkWorkerMessage(service, { reference, text: 'We have arranged the grab rails.' });
    expect(sent.queuedNotification).toBe(false);
  });

  it('tells a subscriber about new messages without reloading', async () => {
    const person = await resident();
    const referral = await referralOf(person);
    const thread = pollingThread(clientAs(person), referral.id, { intervalMs: 100 });
    const arrived: ReferralMessage[] = [];
    const stop = thread.subscribe((messages) => arrived.push(...messages));
    try {
      await sendLinkWorkerMessage(service, { reference: referral.reference, text: 'Are you free on Friday?' });
      await expect.poll(() => arrived.map((m) => m.body), { timeout: 5_000 }).toEqual(['Are you free on Friday?']);
    } finally {
      stop();
    }
  });

  it("keeps a second anonymous session out of the first's thread, reading and writing", async () => {
    const person = await resident();
    const referral = await referralOf(person);
    await pollingThread(clientAs(person), referral.id).send('Private words');
    const stranger = await resident();
    expect(await pollingThread(clientAs(stranger), referral.id).list()).toEqual([]);
    const written = await call(stranger, 'POST', 'referral_messages', { referral_id: referral.id, body: 'Let me in' });
    expect(written).toMatchObject({ status: 403, code: '42501' });
    await expect(pollingThread(clientAs(stranger), referral.id).markRead(1)).rejects.toMatchObject({ code: 'SP404' });
  });

  it('refuses a message that pretends to come from staff', async () => {
    const person = await resident();
    const referral = await referralOf(person);
    for (const forged of [{ author_kind: 'staff' }, { author_name: 'Your link worker' }, { author_id: (await resident()).id }]) {
      const answer = await call(person, 'POST', 'referral_messages', { referral_id: referral.id, body: 'Forged', ...forged });
      expect(answer).toMatchObject({ status: 403, code: '42501' });
    }
  });

  it('is append-only: nobody changes or removes a message through the API, not even the service role', async () => {
    const person = await resident();
    const referral = await referralOf(person);
    const sent = await pollingThread(clientAs(person), referral.id).send('Original words');
    expect(await call(person, 'PATCH', `referral_messages?id=eq.${sent.id}`, { body: 'Changed' })).toMatchObject({
      status: 403,
      code: '42501',
    });
    expect(await call(person, 'DELETE', `referral_messages?id=eq.${sent.id}`)).toMatchObject({ status: 403, code: '42501' });
    expect((await service.from('referral_messages').update({ body: 'Changed' }).eq('id', sent.id)).error?.code).toBe('42501');
    expect((await service.from('referral_messages').delete().eq('id', sent.id)).error?.code).toBe('42501');
    expect(await sql(`select body from public.referral_messages where id = $1`, [sent.id])).toEqual([{ body: 'Original words' }]);
  });

  it('refuses an empty or oversized message with a specific error', async () => {
    const person = await resident();
    const referral = await referralOf(person);
    const thread = pollingThread(clientAs(person), referral.id);
    await expect(thread.send('   ')).rejects.toMatchObject({ code: 'SP422', message: 'Enter a message' });
    await expect(thread.send('x'.repeat(2001))).rejects.toMatchObject({ message: 'Your message must be 2000 characters or fewer' });
    // The database refuses it too, if a caller skips the schema.
    expect(await call(person, 'POST', 'referral_messages', { referral_id: referral.id, body: 'x'.repeat(2001) })).toMatchObject({
      status: 400,
      code: '23514',
    });
  });
});

describe('withdrawing a referral', () => {
  it('withdraws it, and the database records the change in the history the person sees', async () => {
    const person = await resident();
    const referral = await referralOf(person);
    await withdrawReferral(clientAs(person), referral.id, 'I found a group myself');
    const [row] = await sql(`select status, withdraw_reason from public.referrals where id = $1`, [referral.id]);
    expect(row).toEqual({ status: 'withdrawn', withdraw_reason: 'I found a group myself' });
    const history = await call(
      person,
      'GET',
      `referral_events?select=kind,from_status,to_status,actor&referral_id=eq.${referral.id}&order=id`,
    );
    expect(history.body).toEqual([
      { kind: 'submitted', from_status: null, to_status: 'new', actor: 'owner' },
      { kind: 'status_changed', from_status: 'new', to_status: 'withdrawn', actor: 'owner' },
    ]);
  });

  it('refuses to withdraw twice, and then takes no more messages', async () => {
    const person = await resident();
    const referral = await referralOf(person);
    await withdrawReferral(clientAs(person), referral.id);
    await expect(withdrawReferral(clientAs(person), referral.id)).rejects.toMatchObject({
      code: 'SP409',
      message: 'This referral is already withdrawn.',
    });
    await expect(pollingThread(clientAs(person), referral.id).send('Hello?')).rejects.toBeInstanceOf(ReferralError);
  });

  it("does not let another session withdraw someone else's referral", async () => {
    const referral = await referralOf(await resident());
    await expect(withdrawReferral(clientAs(await resident()), referral.id)).rejects.toMatchObject({ code: 'SP404' });
    expect(await sql(`select status from public.referrals where id = $1`, [referral.id])).toEqual([{ status: 'new' }]);
  });

  it('refuses anon (no session) before the function runs', async () => {
    const referral = await referralOf(await resident());
    const answer = await call(null, 'POST', 'rpc/withdraw_referral', { referral_id: referral.id });
    expect(answer).toMatchObject({ status: 401, code: '42501' });
  });

  it('cannot withdraw a referral the team has already closed', async () => {
    const person = await resident();
    const referral = await referralOf(person);
    await sql(`update public.referrals set status = 'closed', outcome = 'needs_met' where id = $1`, [referral.id]);
    await expect(withdrawReferral(clientAs(person), referral.id)).rejects.toMatchObject({ code: 'SP409' });
  });
});

describe("a person's own page", () => {
  it('loads the referral by its reference with the history in order, and nothing for another session', async () => {
    const person = await resident();
    const referral = await referralOf(person);
    await sendLinkWorkerMessage(service, { reference: referral.reference, text: 'Hello' });
    const mine = await loadMyReferral(clientAs(person), referral.reference);
    expect(mine?.referral).toMatchObject({ reference: referral.reference, status: 'contacted', source: 'self' });
    expect(mine?.history.map((e) => [e.kind, e.to_status, e.actor])).toEqual([
      ['submitted', 'new', 'owner'],
      ['status_changed', 'contacted', 'system'],
    ]);
    expect(await loadMyReferral(clientAs(await resident()), referral.reference)).toBeNull();
  });
});
