import { beforeAll, describe, expect, it } from 'vitest';
import { call, makePlace, type Place, refusal, rpc, sql } from './support.ts';

let place: Place;
beforeAll(async () => {
  place = await makePlace('plan');
});

const events = (referralId: string, kind: string) =>
  sql<{ person_visible: boolean; actor_id: string | null; actor: string; detail: Record<string, unknown> }>(
    `select person_visible, actor_id::text, actor, detail from public.referral_events where referral_id = $1 and kind = $2 order by id`,
    [referralId, kind],
  );

describe('a personalised plan', () => {
  it('is saved by a link worker of the team, blank goals dropped, with a timeline event the person sees', async () => {
    const saved = await rpc(place.linkWorker, 'save_referral_plan', {
      referral_id: place.referralId,
      what_matters: '  Seeing people again  ',
      goals: ['Join a walking group', '  ', 'Sort out the gas bill'],
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ what_matters: 'Seeing people again', goals: ['Join a walking group', 'Sort out the gas bill'] });
    const [event] = await events(place.referralId, 'plan_changed');
    expect(event).toMatchObject({ person_visible: true, actor: 'staff', actor_id: place.linkWorker.id, detail: { change: 'plan_saved' } });
  });

  it('shows the person their own plan and its services through the API', async () => {
    await rpc(place.coordinator, 'add_plan_service', {
      referral_id: place.referralId,
      service_id: place.serviceId,
      review_on: '2027-01-15',
    });
    const plan = await call(place.person, 'GET', `referral_plans?referral_id=eq.${place.referralId}&select=what_matters,goals`);
    expect(plan.body).toEqual([{ what_matters: 'Seeing people again', goals: ['Join a walking group', 'Sort out the gas bill'] }]);
    const services = await call(
      place.person,
      'GET',
      `referral_plan_services?referral_id=eq.${place.referralId}&select=service_name,status,review_on`,
    );
    expect(services.body).toEqual([{ service_name: place.serviceName, status: 'suggested', review_on: '2027-01-15' }]);
  });

  it('refuses the same service twice, a draft listing and a status that does not exist, naming the field', async () => {
    const twice = await rpc(place.linkWorker, 'add_plan_service', { referral_id: place.referralId, service_id: place.serviceId });
    expect(refusal(twice)).toEqual({ status: 409, code: 'SP409', hint: 'service_id' });
    expect(twice.message).toBe(`${place.serviceName} is already in the plan`);
    const draft = await rpc(place.linkWorker, 'add_plan_service', { referral_id: place.referralId, service_id: place.draftServiceId });
    expect(refusal(draft)).toEqual({ status: 422, code: 'SP422', hint: 'service_id' });
    const [row] = await sql<{ id: string }>(`select id from public.referral_plan_services where referral_id = $1`, [place.referralId]);
    const badStatus = await rpc(place.linkWorker, 'update_plan_service', { plan_service_id: row!.id, status: 'finished' });
    expect(refusal(badStatus)).toEqual({ status: 422, code: 'SP422', hint: 'status' });
  });

  it('moves a service to attending with a new review date, and says so in the timeline', async () => {
    const [row] = await sql<{ id: string }>(`select id from public.referral_plan_services where referral_id = $1`, [place.referralId]);
    const moved = await rpc(place.linkWorker, 'update_plan_service', {
      plan_service_id: row!.id,
      status: 'attending',
      review_on: '2027-02-01',
    });
    expect(moved.body).toMatchObject({ status: 'attending', review_on: '2027-02-01' });
    const last = (await events(place.referralId, 'plan_changed')).at(-1);
    expect(last?.detail).toMatchObject({ change: 'service_updated', status: 'attending' });
  });

  it('refuses a too-long goal and too many goals', async () => {
    const long = await rpc(place.linkWorker, 'save_referral_plan', {
      referral_id: place.referralId,
      what_matters: null,
      goals: ['x'.repeat(301)],
    });
    expect(refusal(long)).toEqual({ status: 422, code: 'SP422', hint: 'goals' });
    const many = await rpc(place.linkWorker, 'save_referral_plan', {
      referral_id: place.referralId,
      what_matters: null,
      goals: Array.from({ length: 11 }, (_, i) => `Goal ${i}`),
    });
    expect(refusal(many)).toEqual({ status: 422, code: 'SP422', hint: 'goals' });
  });
});

describe('who may change a plan or record wellbeing', () => {
  const attempts = {
    save_referral_plan: () => ({ referral_id: place.referralId, what_matters: 'Forged', goals: [] }),
    add_plan_service: () => ({ referral_id: place.referralId, service_id: place.serviceId }),
    record_wellbeing: () => ({
      referral_id: place.referralId,
      stage: 'start',
      life_satisfaction: 1,
      worthwhile: 1,
      happiness: 1,
      anxiety: 1,
    }),
  };
  describe.each(Object.keys(attempts) as (keyof typeof attempts)[])('%s', (fn) => {
    it('is not open to callers without a session', async () => {
      expect(refusal(await rpc(null, fn, attempts[fn]()))).toMatchObject({ status: 401, code: '42501' });
    });
    it('refuses the person themself, a curator and a link worker without a second factor', async () => {
      for (const who of [place.person, place.curator, place.linkWorkerAal1])
        expect(refusal(await rpc(who, fn, attempts[fn]()))).toEqual({ status: 403, code: 'SP403', hint: null });
    });
    it('answers a link worker or coordinator of another place as if the referral did not exist', async () => {
      for (const who of [place.otherLinkWorker, place.otherCoordinator])
        expect(refusal(await rpc(who, fn, attempts[fn]()))).toEqual({ status: 404, code: 'SP404', hint: 'referral_id' });
    });
  });

  it('refuses to move a service in a plan of another team, the same way', async () => {
    const [row] = await sql<{ id: string }>(`select id from public.referral_plan_services where referral_id = $1`, [place.referralId]);
    const other = await rpc(place.otherLinkWorker, 'update_plan_service', { plan_service_id: row!.id, status: 'stopped' });
    expect(refusal(other)).toEqual({ status: 404, code: 'SP404', hint: 'referral_id' });
  });
});

describe('wellbeing scores', () => {
  const answers = { life_satisfaction: 4, worthwhile: 5, happiness: 3, anxiety: 8 };

  it('refuses a review before the start, and a score outside 0 to 10 naming the question', async () => {
    const early = await rpc(place.linkWorker, 'record_wellbeing', { referral_id: place.referralId, stage: 'review', ...answers });
    expect(refusal(early)).toEqual({ status: 409, code: 'SP409', hint: 'stage' });
    const high = await rpc(place.linkWorker, 'record_wellbeing', {
      referral_id: place.referralId,
      stage: 'start',
      ...answers,
      anxiety: 11,
    });
    expect(refusal(high)).toEqual({ status: 422, code: 'SP422', hint: 'anxiety' });
  });

  it('are recorded at the start and at review by staff, with timeline events the person does not see', async () => {
    const start = await rpc(place.linkWorker, 'record_wellbeing', { referral_id: place.referralId, stage: 'start', ...answers });
    expect(start.status).toBe(200);
    const review = await rpc(place.coordinator, 'record_wellbeing', {
      referral_id: place.referralId,
      stage: 'review',
      life_satisfaction: 7,
      worthwhile: 7,
      happiness: 6,
      anxiety: 3,
    });
    expect(review.body).toMatchObject({ stage: 'review', anxiety: 3, recorded_by: place.coordinator.id });
    expect((await events(place.referralId, 'wellbeing_recorded')).map((e) => e.person_visible)).toEqual([false, false]);
  });

  it('are read by the team and not by the person, whose history does not show them either', async () => {
    const team = await call(place.linkWorker, 'GET', `referral_wellbeing?referral_id=eq.${place.referralId}&select=stage&order=id`);
    expect(team.body).toEqual([{ stage: 'start' }, { stage: 'review' }]);
    expect((await call(place.person, 'GET', `referral_wellbeing?referral_id=eq.${place.referralId}`)).body).toEqual([]);
    const history = await call(place.person, 'GET', `referral_events?referral_id=eq.${place.referralId}&kind=eq.wellbeing_recorded`);
    expect(history.body).toEqual([]);
  });
});
