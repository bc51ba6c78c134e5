import { randomInt } from 'node:crypto';
import { call, resident, type Resident, selfAnswers, sql, staff, submit } from '../referrals/support.ts';
import { userToken } from '../../support/jwt.ts';

export { call, sql };

/**
 * A place of its own for each test file: a PCN open to self-referrals with one practice, its
 * team, a second team in another PCN, and the people who act on them. Funds and plans made
 * here touch no sample team, so tests can run beside the others.
 */
export interface Place {
  pcnId: string;
  teamId: string;
  otherTeamId: string;
  linkWorker: Resident;
  otherLinkWorker: Resident;
  coordinator: Resident;
  otherCoordinator: Resident;
  curator: Resident;
  admin: Resident;
  /** A link worker of the team whose session stopped at the password (aal1). */
  linkWorkerAal1: Resident;
  person: Resident;
  referralId: string;
  /** A published service from the sample directory. */
  serviceId: string;
  serviceName: string;
  draftServiceId: string;
}

const code = (letter: string, digits: number) => letter + String(randomInt(10 ** (digits - 1), 10 ** digits));

export async function makePlace(label: string): Promise<Place> {
  const [pcn] = await sql<{ id: string; code: string }>(
    `insert into public.pcns (code, name, icb, self_referral_open) values ($1, $2, 'Test ICB', true) returning id, code`,
    [code('Q', 6), `Casework ${label} PCN`],
  );
  const [otherPcn] = await sql<{ id: string }>(`insert into public.pcns (code, name, icb) values ($1, $2, 'Test ICB') returning id`, [
    code('Q', 6),
    `Casework ${label} other PCN`,
  ]);
  const practiceCode = code('X', 5);
  await sql(`insert into public.gp_practices (code, name, pcn_id) values ($1, $2, $3)`, [
    practiceCode,
    `Casework ${label} Surgery`,
    pcn!.id,
  ]);
  const [team, otherTeam] = await sql<{ id: string }>(
    `insert into public.teams (kind, name) values ('pcn_link_workers', $1), ('pcn_link_workers', $2) returning id`,
    [`Casework ${label} team`, `Casework ${label} other team`],
  );
  await sql(`insert into public.team_pcns (team_id, pcn_id) values ($1, $2), ($3, $4)`, [team!.id, pcn!.id, otherTeam!.id, otherPcn!.id]);
  const person = await resident();
  const sent = await submit(person, selfAnswers({ code: practiceCode, name: '', pcnCode: pcn!.code, pcnId: pcn!.id }));
  if (sent.status !== 200) throw new Error(`the referral was not made: ${JSON.stringify(sent.body)}`);
  const [referral] = await sql<{ id: string }>(`select id from public.referrals where owner_id = $1`, [person.id]);
  const linkWorkerAal1 = await staff('link_worker', team!.id);
  const [service, draft] = await sql<{ id: string; name: string }>(
    `(select id, name from public.services where published order by id limit 1)
     union all (select id, name from public.services where not published order by id limit 1)`,
  );
  let draftServiceId = draft?.id;
  if (!draftServiceId) {
    draftServiceId = `casework-draft-${label}-${randomInt(1e9)}`;
    await sql(`insert into public.services (id, name, published) values ($1, 'Casework draft service', false)`, [draftServiceId]);
  }
  return {
    pcnId: pcn!.id,
    teamId: team!.id,
    otherTeamId: otherTeam!.id,
    linkWorker: await staff('link_worker', team!.id),
    otherLinkWorker: await staff('link_worker', otherTeam!.id),
    coordinator: await staff('coordinator', team!.id),
    otherCoordinator: await staff('coordinator', otherTeam!.id),
    curator: await staff('curator', null),
    admin: await staff('admin', null),
    linkWorkerAal1: { id: linkWorkerAal1.id, token: userToken(linkWorkerAal1.id, { email: 'aal1@referrals-test.example.org' }) },
    person,
    referralId: referral!.id,
    serviceId: service!.id,
    serviceName: service!.name,
    draftServiceId,
  };
}

/** A function's refusal, as the API reports it: status, code and (for a field) its hint. */
export const refusal = (answer: { status: number; code?: string | undefined; hint?: string | null }) => ({
  status: answer.status,
  code: answer.code,
  hint: answer.hint,
});

export const rpc = (who: Resident | null, fn: string, args: Record<string, unknown>) => call(who, 'POST', `rpc/${fn}`, args);
