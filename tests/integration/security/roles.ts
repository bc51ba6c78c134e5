import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { testStack } from '../../support/stack.ts';
import { staffToken, userToken } from '../../support/jwt.ts';

/**
 * Every kind of caller the row-level security expectations are written for. Residents come
 * in three kinds because their rows (referrals, messages) must stay apart; link workers in two
 * because a team's work must stay inside the team. Staff sign in with a second factor (aal2);
 * the last two callers are staff whose session stopped at the password (aal1), who must get no
 * staff powers at all: the link worker belongs to the team, the admin holds every power aal2 would give.
 */
export const roles = [
  'anon',
  'anonymous resident',
  'another anonymous resident',
  'permanent resident',
  'link worker of the team',
  'link worker of another team',
  'coordinator',
  'curator',
  'admin',
  'link worker without aal2',
  'admin without aal2',
] as const;
export type Role = (typeof roles)[number];

/** A caller as the API sees them: anon has only the anon key; everyone else has a session token. */
export interface Caller {
  role: Role;
  userId?: string;
  token?: string;
}

/** One pool for the whole file: opening a connection per query costs more than the query. */
export const db = new pg.Pool({ connectionString: testStack.databaseUrl, max: 4 });

export async function query<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query<T>(text, params)).rows;
}

/** Makes auth.users rows in one statement; anonymous ones have no email, as Supabase Auth makes them. */
export async function makeUsers(count: number, anonymous = false): Promise<{ id: string; email: string | null }[]> {
  const users = Array.from({ length: count }, () => {
    const id = randomUUID();
    return { id, email: anonymous ? null : `rls-${id.slice(0, 8)}@rls-matrix.example.org` };
  });
  await query(
    `insert into auth.users (id, aud, role, email, is_anonymous, created_at, updated_at)
     select u.id, 'authenticated', 'authenticated', u.email, $2, now(), now()
     from jsonb_to_recordset($1::jsonb) as u(id uuid, email text)`,
    [JSON.stringify(users), anonymous],
  );
  return users;
}

export type Session = 'anonymous' | 'aal1' | 'aal2';

/** A token as Supabase Auth signs it: anonymous, after a password (aal1), or after a TOTP code too (aal2). */
export function tokenFor(user: { id: string; email: string | null }, session: Session): string {
  if (session === 'anonymous') return userToken(user.id, { is_anonymous: true });
  return session === 'aal2' ? staffToken(user.id, { email: user.email }) : userToken(user.id, { email: user.email });
}

/**
 * The callers. Staff get a staff_members row; the link workers and the coordinator belong to a
 * team (`team` for the team's own, `otherTeam` for the other link worker).
 */
export async function makeCallers(teams: { team: string; otherTeam: string }): Promise<Record<Role, Caller>> {
  const anonymous = await makeUsers(2, true);
  const [resident, linkWorker, otherLinkWorker, coordinator, curator, admin, linkWorkerAal1, adminAal1] = await makeUsers(8);
  const staff = [
    { user_id: linkWorker!.id, role: 'link_worker', team_id: teams.team },
    { user_id: otherLinkWorker!.id, role: 'link_worker', team_id: teams.otherTeam },
    { user_id: coordinator!.id, role: 'coordinator', team_id: teams.team },
    { user_id: curator!.id, role: 'curator', team_id: null },
    { user_id: admin!.id, role: 'admin', team_id: null },
    { user_id: linkWorkerAal1!.id, role: 'link_worker', team_id: teams.team },
    { user_id: adminAal1!.id, role: 'admin', team_id: null },
  ];
  await query(
    `insert into public.staff_members (user_id, role, team_id, display_name)
     select s.user_id, s.role, s.team_id, 'RLS matrix ' || s.role from jsonb_to_recordset($1::jsonb) as s(user_id uuid, role text, team_id uuid)`,
    [JSON.stringify(staff)],
  );
  const signedIn = (role: Role, user: { id: string; email: string | null }, session: Session): Caller => ({
    role,
    userId: user.id,
    token: tokenFor(user, session),
  });
  return {
    anon: { role: 'anon' },
    'anonymous resident': signedIn('anonymous resident', anonymous[0]!, 'anonymous'),
    'another anonymous resident': signedIn('another anonymous resident', anonymous[1]!, 'anonymous'),
    'permanent resident': signedIn('permanent resident', resident!, 'aal1'),
    'link worker of the team': signedIn('link worker of the team', linkWorker!, 'aal2'),
    'link worker of another team': signedIn('link worker of another team', otherLinkWorker!, 'aal2'),
    coordinator: signedIn('coordinator', coordinator!, 'aal2'),
    curator: signedIn('curator', curator!, 'aal2'),
    admin: signedIn('admin', admin!, 'aal2'),
    'link worker without aal2': signedIn('link worker without aal2', linkWorkerAal1!, 'aal1'),
    'admin without aal2': signedIn('admin without aal2', adminAal1!, 'aal1'),
  };
}

export interface ApiResult {
  status: number;
  body: unknown;
  code?: string;
  message?: string;
}

/** One PostgREST call through the gateway, as the caller, asking for the rows back. */
export async function api(
  who: Caller,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResult> {
  const response = await fetch(`${testStack.supabaseUrl}/rest/v1/${path}`, {
    method,
    headers: {
      apikey: testStack.anonKey,
      'content-type': 'application/json',
      prefer: 'return=representation',
      ...(who.token ? { authorization: `Bearer ${who.token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  const error = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  return {
    status: response.status,
    body: parsed,
    code: typeof error?.code === 'string' ? error.code : undefined,
    message: typeof error?.message === 'string' ? error.message : undefined,
  };
}

/** Runs tasks with at most `limit` in flight: the suite shares two cores with everything else. */
export async function inBatches<T>(tasks: (() => Promise<T>)[], limit = 6): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
