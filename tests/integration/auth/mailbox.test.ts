import { describe, expect, it } from 'vitest';
import { testStack } from '../../support/stack.ts';
import { anonClient, mailTo, uniqueEmail } from './helpers.ts';

const page = async (query: string) => {
  const res = await fetch(`${testStack.supabaseUrl}/mailbox${query}`, { headers: { apikey: testStack.anonKey } });
  expect(res.headers.get('content-type')).toMatch(/text\/html/);
  return res.text();
};

describe('the local mailbox', () => {
  it('lists mail to one address as JSON, newest first', async () => {
    const email = uniqueEmail('mailbox');
    await anonClient().auth.signUp({ email, password: 'a-good-password' });
    await anonClient().auth.resend({ type: 'signup', email });
    const mails = await mailTo(email);
    expect(mails).toHaveLength(2);
    expect(mails[0]).toMatchObject({ to: email, subject: 'Confirm Your Signup', kind: 'signup' });
    expect(mails.every((m) => m.links[0]!.startsWith(`${testStack.supabaseUrl}/auth/v1/verify?`))).toBe(true);
  });

  it('keeps its JSON API to callers with the service-role key', async () => {
    const api = `${testStack.supabaseUrl}/mailbox/api/messages`;
    expect((await fetch(api)).status).toBe(401);
    const withAnonKey = await fetch(api, { headers: { apikey: testStack.anonKey } });
    expect(withAnonKey.status).toBe(403);
    expect(await withAnonKey.json()).toMatchObject({ error_code: 'not_admin' });
    expect((await fetch(api, { headers: { apikey: testStack.serviceRoleKey } })).status).toBe(200);
  });

  it('shows mail on a page people can read, marked as development only', async () => {
    const email = uniqueEmail('mailbox-page');
    await anonClient().auth.signUp({ email, password: 'a-good-password' });
    const html = await page(`?to=${encodeURIComponent(email)}`);
    expect(html).toContain('Confirm Your Signup');
    expect(html).toContain(email);
    expect(html).toMatch(/Development only/);
  });

  it('escapes addresses and what visitors type instead of rendering them as HTML', async () => {
    const email = `o'brien&co-${uniqueEmail('x').split('@')[0]}@example.com`;
    await anonClient().auth.signUp({ email, password: 'a-good-password' });
    const html = await page(`?to=${encodeURIComponent(email)}`);
    expect(html).toContain(email.replace('&', '&amp;').replace("'", '&#39;'));
    const probe = await page(`?to=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(probe).not.toContain('<script>alert(1)</script>');
    expect(probe).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
