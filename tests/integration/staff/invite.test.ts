import { randomUUID } from 'node:crypto';
import { FunctionsHttpError } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { testStack } from '../../support/stack.ts';
import { anonClient, confirmedUser, mailTo, sql, uniqueEmail } from '../auth/helpers.ts';
import { anyTeam, signedInStaff } from './support.ts';

/**
 * The staff-invite Edge Function through the gateway, with real sessions: it invites only for an
 * admin whose session passed the second factor, and says plainly why otherwise.
 */
type Client = Awaited<ReturnType<typeof signedInStaff>>['client'];
let admin: Client;
let team: { id: string; name: string };
const redirectTo = `${testStack.siteUrl}/staff/`;

async function invite(client: Client, body: Record<string, unknown>) {
  const result = await client.functions.invoke<Record<string, unknown>>('staff-invite', { body });
  const error: unknown = result.error;
  if (!error) return { status: 200, body: result.data! };
  const response = (error as FunctionsHttpError).context as Response;
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
const newcomer = () => ({
  email: uniqueEmail('invited'),
  display_name: 'Sam Newcomer',
  role: 'link_worker',
  team_id: team.id,
  redirect_to: redirectTo,
});

beforeAll(async () => {
  team = await anyTeam();
  admin = (await signedInStaff('invite-admin', 'admin')).client;
});

describe('inviting a member of staff from the workspace', () => {
  it('lets an admin with aal2 invite a link worker: the invitation is mailed and the staff row has their role, team and name', async () => {
    const person = newcomer();
    const result = await invite(admin, person);
    expect(result).toMatchObject({ status: 200, body: { email: person.email } });
    const [row] = await sql(`select role, team_id::text, display_name, active from public.staff_members where user_id = $1`, [
      result.body.user_id,
    ]);
    expect(row).toEqual({ role: 'link_worker', team_id: team.id, display_name: 'Sam Newcomer', active: true });
    const [mail] = await mailTo(person.email);
    expect(mail?.kind).toBe('invite');
    expect(mail?.links.some((link) => link.includes('type=invite') && link.includes(encodeURIComponent(redirectTo)))).toBe(true);
  });

  it('refuses an admin whose session has only the password (aal1), and sends nothing', async () => {
    const { client } = await signedInStaff('invite-admin-aal1', 'admin', { aal1: true });
    const person = newcomer();
    expect(await invite(client, person)).toEqual({
      status: 403,
      body: { message: 'Only administrators signed in with their authenticator app can invite staff.' },
    });
    expect(await mailTo(person.email)).toEqual([]);
  });

  it('refuses a link worker, even with aal2', async () => {
    const { client } = await signedInStaff('invite-link-worker', 'link_worker', { teamId: team.id });
    expect((await invite(client, newcomer())).status).toBe(403);
  });

  it('refuses a caller with no session', async () => {
    expect(await invite(anonClient(), newcomer())).toEqual({
      status: 401,
      body: { message: 'Sign in as an administrator to invite staff.' },
    });
  });

  it('refuses a token whose session has been signed out, though the token has not expired', async () => {
    const { client } = await signedInStaff('invite-signed-out', 'admin');
    const token = (await client.auth.getSession()).data.session!.access_token;
    await client.auth.signOut();
    const response = await fetch(`${testStack.supabaseUrl}/functions/v1/staff-invite`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, apikey: testStack.anonKey, 'content-type': 'application/json' },
      body: JSON.stringify(newcomer()),
    });
    expect(response.status).toBe(401);
  });

  it('names each missing or wrong field', async () => {
    const result = await invite(admin, { email: 'not-an-address', display_name: ' ', role: 'link_worker' });
    expect(result.status).toBe(400);
    expect(result.body.errors).toEqual([
      { field: 'display_name', message: 'Enter their name, as colleagues will see it' },
      { field: 'email', message: 'Enter an email address in the correct format, like name@example.org' },
      { field: 'team_id', message: 'Select their team: link workers and coordinators work in a team' },
    ]);
  });

  it('refuses a team that does not exist', async () => {
    const result = await invite(admin, { ...newcomer(), team_id: randomUUID() });
    expect(result).toMatchObject({ status: 400, body: { errors: [{ field: 'team_id' }] } });
  });

  it('refuses an address that already has an account in use, saying so', async () => {
    const { email } = await confirmedUser('already-here');
    const result = await invite(admin, { ...newcomer(), email });
    expect(result).toMatchObject({ status: 409, body: { errors: [{ field: 'email' }] } });
  });
});
