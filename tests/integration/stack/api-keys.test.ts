import { createClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { sampleData } from '../../../src/lib/sample-data/index.ts';
import { testStack } from '../../support/stack.ts';
import { userToken } from '../../support/jwt.ts';

// The gateway with a project's current keys: publishable and secret keys are not JWTs, so it
// passes the matching role token upstream, as the Supabase CLI's gateway does.
const published = sampleData.catalogue.services.find((s) => s.published)!;
const draft = sampleData.catalogue.services.find((s) => !s.published)!;
const options = { auth: { persistSession: false, autoRefreshToken: false } };
const publishable = createClient(testStack.supabaseUrl, testStack.publishableKey, options);
const secret = createClient(testStack.supabaseUrl, testStack.secretKey, options);

describe('the publishable key', () => {
  it('reads as the anon role: published services, no drafts', async () => {
    const { data, error } = await publishable.from('services').select('id').in('id', [published.id, draft.id]);
    expect(error).toBeNull();
    expect(data).toEqual([{ id: published.id }]);
  });

  it('cannot write the directory', async () => {
    const { error } = await publishable.from('services').insert({ name: 'Sneaky' });
    expect(error?.code).toBe('42501');
  });

  it('passes a signed-in person’s token through instead of the anon role', async () => {
    const resident = createClient(testStack.supabaseUrl, testStack.publishableKey, {
      ...options,
      global: { headers: { Authorization: `Bearer ${userToken()}` } },
    });
    // change_history is granted to signed-in people only: the anon role gets permission denied.
    const asResident = await resident.from('change_history').select('id').limit(1);
    expect(asResident.error).toBeNull();
    const asAnon = await publishable.from('change_history').select('id').limit(1);
    expect(asAnon.error?.code).toBe('42501');
  });

  it('works with Auth too', async () => {
    const { data, error } = await publishable.auth.signInAnonymously();
    expect(error).toBeNull();
    expect(data.user?.is_anonymous).toBe(true);
  });
});

describe('the secret key', () => {
  it('reads as the service role: drafts too', async () => {
    const { data, error } = await secret.from('services').select('id').eq('id', draft.id);
    expect(error).toBeNull();
    expect(data).toEqual([{ id: draft.id }]);
  });

  it('may use the Auth admin API', async () => {
    const { data, error } = await secret.auth.admin.listUsers({ page: 1, perPage: 1 });
    expect(error).toBeNull();
    expect(data.users).toHaveLength(1);
  });

  it('is refused when a web page sends it, as on hosted Supabase', async () => {
    const res = await fetch(`${testStack.supabaseUrl}/rest/v1/services?select=id&limit=1`, {
      headers: { apikey: testStack.secretKey, Origin: testStack.env.PUBLIC_SITE_URL! },
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'Forbidden use of secret API key in browser' });
  });
});

describe('keys the gateway does not know', () => {
  it('refuses a publishable key of another project', async () => {
    const res = await fetch(`${testStack.supabaseUrl}/rest/v1/services`, { headers: { apikey: 'sb_publishable_notThisProjectsKey_123' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'Invalid API key' });
  });

  it('refuses a secret key of another project', async () => {
    const res = await fetch(`${testStack.supabaseUrl}/auth/v1/admin/users`, { headers: { apikey: 'sb_secret_notThisProjectsKey_123' } });
    expect(res.status).toBe(401);
  });
});
