import { describe, expect, it } from 'vitest';
import { testStack } from '../../support/stack.ts';
import { anonClient, codeIn, confirmedUser, latestMail, serviceClient, uniqueEmail } from './helpers.ts';

describe('a signed-in user', () => {
  it('reads their own user', async () => {
    const { client, id, email } = await confirmedUser('me');
    const { data, error } = await client.auth.getUser();
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ id, email, aud: 'authenticated', role: 'authenticated', is_anonymous: false });
  });

  it('merges user_metadata changes, removing keys set to null', async () => {
    const { client } = await confirmedUser('metadata');
    await client.auth.updateUser({ data: { name: 'Ada', pronouns: 'she/her' } });
    const { data } = await client.auth.updateUser({ data: { pronouns: null, town: 'Leeds' } });
    expect(data.user?.user_metadata).toEqual({ name: 'Ada', town: 'Leeds' });
  });

  it('cannot change their own app_metadata', async () => {
    const { client, id } = await confirmedUser('app-meta');
    const attempt = { data: { name: 'Mallory' }, app_metadata: { role: 'admin' } };
    const { error } = await client.auth.updateUser(attempt);
    expect(error?.code).toBe('not_admin');
    expect(error?.status).toBe(403);
    const { data } = await serviceClient().auth.admin.getUserById(id);
    expect(data.user?.app_metadata).toEqual({ provider: 'email', providers: ['email'] });
    expect(data.user?.user_metadata).toEqual({});
  });

  it('changes their email only after confirming from both the old and the new address', async () => {
    const { client, email: oldEmail, id } = await confirmedUser('change-email');
    const newEmail = uniqueEmail('changed');
    expect((await client.auth.updateUser({ email: newEmail })).error).toBeNull();
    const first = await client.auth.verifyOtp({ email: oldEmail, token: codeIn(await latestMail(oldEmail)), type: 'email_change' });
    expect(first.error).toBeNull();
    expect(first.data.session).toBeNull();
    expect((await serviceClient().auth.admin.getUserById(id)).data.user?.email).toBe(oldEmail);
    const second = await client.auth.verifyOtp({ email: newEmail, token: codeIn(await latestMail(newEmail)), type: 'email_change' });
    expect(second.error).toBeNull();
    expect(second.data.user?.email).toBe(newEmail);
  });

  it('cannot take an address another account uses', async () => {
    const { client } = await confirmedUser('grab');
    const { email: taken } = await confirmedUser('owner');
    const { error } = await client.auth.updateUser({ email: taken });
    expect(error?.code).toBe('email_exists');
  });
});

describe('the admin API', () => {
  it('refuses the anon key with not_admin', async () => {
    const res = await fetch(`${testStack.supabaseUrl}/auth/v1/admin/users`, { headers: { apikey: testStack.anonKey } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error_code: 'not_admin', msg: 'User not allowed' });
    const viaClient = await anonClient().auth.admin.listUsers();
    expect(viaClient.error?.code).toBe('not_admin');
  });

  it("refuses a signed-in user's token", async () => {
    const { session } = await confirmedUser('not-admin');
    const res = await fetch(`${testStack.supabaseUrl}/auth/v1/admin/users`, {
      headers: { apikey: testStack.anonKey, authorization: `Bearer ${session.access_token}` },
    });
    expect(res.status).toBe(403);
  });

  it('creates, reads, updates and deletes users with the service-role key', async () => {
    const admin = serviceClient().auth.admin;
    const email = uniqueEmail('admin-crud');
    const created = await admin.createUser({
      email,
      password: 'a-good-password',
      email_confirm: true,
      app_metadata: { team: 'leeds-north' },
      user_metadata: { name: 'Lin' },
    });
    expect(created.error).toBeNull();
    const id = created.data.user!.id;
    expect(created.data.user?.app_metadata).toEqual({ provider: 'email', providers: ['email'], team: 'leeds-north' });

    expect((await admin.getUserById(id)).data.user?.email).toBe(email);
    const updated = await admin.updateUserById(id, { app_metadata: { role: 'link_worker' } });
    expect(updated.data.user?.app_metadata).toMatchObject({ team: 'leeds-north', role: 'link_worker' });

    const signedIn = await anonClient().auth.signInWithPassword({ email, password: 'a-good-password' });
    expect(signedIn.data.user?.app_metadata).toMatchObject({ role: 'link_worker' });

    expect((await admin.deleteUser(id)).error).toBeNull();
    expect((await admin.getUserById(id)).error?.code).toBe('user_not_found');
  });

  it('refuses to create a second user with the same email', async () => {
    const admin = serviceClient().auth.admin;
    const email = uniqueEmail('dupe');
    await admin.createUser({ email, email_confirm: true });
    const { error } = await admin.createUser({ email, email_confirm: true });
    expect(error?.code).toBe('email_exists');
    expect(error?.status).toBe(422);
  });

  it('lists users a page at a time with a total', async () => {
    const admin = serviceClient().auth.admin;
    await admin.createUser({ email: uniqueEmail('list'), email_confirm: true });
    const { data, error } = await admin.listUsers({ page: 1, perPage: 1 });
    expect(error).toBeNull();
    expect(data.users).toHaveLength(1);
    expect((data as { total: number }).total).toBeGreaterThanOrEqual(1);
  });

  it('bans a user so they cannot sign in', async () => {
    const { email, id, password } = await confirmedUser('banned');
    await serviceClient().auth.admin.updateUserById(id, { ban_duration: '24h' });
    const { error } = await anonClient().auth.signInWithPassword({ email, password });
    expect(error?.code).toBe('user_banned');
  });
});

describe('health and settings', () => {
  it('answers /health through the gateway without an API key', async () => {
    const res = await fetch(`${testStack.supabaseUrl}/auth/v1/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { name: string; description: string };
    expect(body.name).toBe('GoTrue');
    expect(body.description).toMatch(/development\/test-only/);
  });

  it('reports which sign-in methods are on', async () => {
    const res = await fetch(`${testStack.supabaseUrl}/auth/v1/settings`, { headers: { apikey: testStack.anonKey } });
    expect(await res.json()).toMatchObject({
      external: { email: true, anonymous_users: true, phone: false },
      disable_signup: false,
      mailer_autoconfirm: false,
    });
  });
});
