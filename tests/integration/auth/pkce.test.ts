import { describe, expect, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import { testStack } from '../../support/stack.ts';
import { confirmedUser, latestMail, linkIn, uniqueEmail } from './helpers.ts';

// supabase-js with flowType 'pkce' keeps the code verifier in its (here in-memory) storage.
const pkceClient = () =>
  createClient(testStack.supabaseUrl, testStack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false, flowType: 'pkce' },
  });

async function followLink(link: string) {
  const res = await fetch(link, { redirect: 'manual' });
  expect(res.status).toBe(303);
  return new URL(res.headers.get('location')!);
}

describe('mailed links in the PKCE flow', () => {
  it('sends a magic link to the app with ?code=, which the same client exchanges for a session', async () => {
    const { email, id } = await confirmedUser('pkce-magic');
    const client = pkceClient();
    expect((await client.auth.signInWithOtp({ email, options: { emailRedirectTo: `${testStack.siteUrl}/callback` } })).error).toBeNull();
    const link = linkIn(await latestMail(email));
    expect(new URL(link).searchParams.get('token')).toMatch(/^pkce_/);

    const landed = await followLink(link);
    expect(landed.pathname).toBe('/callback');
    expect(landed.hash).toBe('');
    const code = landed.searchParams.get('code')!;
    const flowId = landed.searchParams.get('sb_flow_id') ?? undefined;
    const { data, error } = await client.auth.exchangeCodeForSession(code, flowId ? { flowId } : undefined);
    expect(error).toBeNull();
    expect(data.user?.id).toBe(id);
    expect(data.session?.access_token).toBeTruthy();
  });

  it('confirms a sign-up through the PKCE flow', async () => {
    const email = uniqueEmail('pkce-signup');
    const client = pkceClient();
    await client.auth.signUp({ email, password: 'a-good-password' });
    const landed = await followLink(linkIn(await latestMail(email)));
    const flowId = landed.searchParams.get('sb_flow_id') ?? undefined;
    const { data, error } = await client.auth.exchangeCodeForSession(landed.searchParams.get('code')!, flowId ? { flowId } : undefined);
    expect(error).toBeNull();
    expect(data.user?.email_confirmed_at).toBeTruthy();
  });

  it('refuses an auth code with the wrong verifier, and once it has been exchanged', async () => {
    const { email } = await confirmedUser('pkce-wrong');
    const client = pkceClient();
    await client.auth.signInWithOtp({ email });
    const landed = await followLink(linkIn(await latestMail(email)));
    const code = landed.searchParams.get('code')!;
    const token = (verifier: string) =>
      fetch(`${testStack.supabaseUrl}/auth/v1/token?grant_type=pkce`, {
        method: 'POST',
        headers: { apikey: testStack.anonKey, 'content-type': 'application/json' },
        body: JSON.stringify({ auth_code: code, code_verifier: verifier }),
      });
    const wrong = await token('not-the-verifier-not-the-verifier-not-the-verifier');
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error_code: 'bad_code_verifier' });

    const flowId = landed.searchParams.get('sb_flow_id') ?? undefined;
    expect((await client.auth.exchangeCodeForSession(code, flowId ? { flowId } : undefined)).error).toBeNull();
    const again = await token('not-the-verifier-not-the-verifier-not-the-verifier');
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ error_code: 'flow_state_not_found' });
  });
});
