import { describe, expect, it } from 'vitest';
import { AuthSessionMissingError } from '@supabase/supabase-js';
import { testStack } from '../../support/stack.ts';
import { amrMethods, anonClient, claimsOf, confirmedUser, sql } from './helpers.ts';

describe('access tokens', () => {
  it("carry GoTrue's claims for a password sign-in", async () => {
    const { session, id, email } = await confirmedUser('claims');
    const claims = claimsOf(session.access_token);
    expect(claims).toMatchObject({
      aud: 'authenticated',
      iss: `${testStack.supabaseUrl}/auth/v1`,
      sub: id,
      email,
      phone: '',
      role: 'authenticated',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: {},
      is_anonymous: false,
      aal: 'aal1',
    });
    expect(amrMethods(claims)).toEqual(['password']);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    const rows = await sql('select user_id from auth.sessions where id = $1', [claims.session_id]);
    expect(rows).toEqual([{ user_id: id }]);
  });
});

describe('refreshing a session', () => {
  it('rotates the refresh token and keeps the same session', async () => {
    const { client, session } = await confirmedUser('rotate');
    const { data, error } = await client.auth.refreshSession({ refresh_token: session.refresh_token });
    expect(error).toBeNull();
    expect(data.session?.refresh_token).not.toBe(session.refresh_token);
    expect(claimsOf(data.session!.access_token).session_id).toBe(claimsOf(session.access_token).session_id);
    const [old] = await sql<{ revoked: boolean }>('select revoked from auth.refresh_tokens where token = $1', [session.refresh_token]);
    expect(old?.revoked).toBe(true);
  });

  it('answers a token that was just rotated with the current one (a client that lost the response)', async () => {
    const { session } = await confirmedUser('reuse-window');
    const first = await anonClient().auth.refreshSession({ refresh_token: session.refresh_token });
    const again = await anonClient().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(again.error).toBeNull();
    expect(again.data.session?.refresh_token).toBe(first.data.session?.refresh_token);
  });

  it('refuses a refresh token it never issued', async () => {
    const { error } = await anonClient().auth.refreshSession({ refresh_token: 'not-a-real-token' });
    expect(error?.code).toBe('refresh_token_not_found');
    expect(error?.message).toBe('Invalid Refresh Token: Refresh Token Not Found');
  });
});

describe('signing out', () => {
  async function twoSessions() {
    const user = await confirmedUser('logout');
    const other = anonClient();
    const { data } = await other.auth.signInWithPassword({ email: user.email, password: user.password });
    return { ...user, other, otherSession: data.session! };
  }

  it('local scope ends only this session', async () => {
    const { client, session, other, otherSession } = await twoSessions();
    expect((await client.auth.signOut({ scope: 'local' })).error).toBeNull();
    const mine = await anonClient().auth.getUser(session.access_token);
    expect(mine.error).toBeInstanceOf(AuthSessionMissingError);
    expect((await other.auth.getUser(otherSession.access_token)).data.user).not.toBeNull();
  });

  it('others scope ends every other session but keeps this one', async () => {
    const { client, session, otherSession } = await twoSessions();
    expect((await client.auth.signOut({ scope: 'others' })).error).toBeNull();
    expect((await anonClient().auth.getUser(session.access_token)).data.user).not.toBeNull();
    expect((await anonClient().auth.getUser(otherSession.access_token)).error).toBeInstanceOf(AuthSessionMissingError);
  });

  it('global scope ends every session and their refresh tokens', async () => {
    const { client, otherSession } = await twoSessions();
    expect((await client.auth.signOut({ scope: 'global' })).error).toBeNull();
    expect((await anonClient().auth.getUser(otherSession.access_token)).error).toBeInstanceOf(AuthSessionMissingError);
    const refreshed = await anonClient().auth.refreshSession({ refresh_token: otherSession.refresh_token });
    expect(refreshed.error?.code).toBe('refresh_token_not_found');
  });
});

describe('the audit trail', () => {
  it("records sign-in and sign-out in auth.audit_log_entries with GoTrue's action names", async () => {
    const { client, id } = await confirmedUser('audit');
    await client.auth.signOut();
    const rows = await sql<{ action: string }>(
      "select payload->>'action' as action from auth.audit_log_entries where payload->>'actor_id' = $1 order by created_at",
      [id],
    );
    expect(rows.map((r) => r.action)).toEqual(['user_signedup', 'login', 'logout']);
  });
});
