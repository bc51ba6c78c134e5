import { createClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { sliceSample } from '../../../src/lib/slice/sample.ts';
import { testStack } from '../../support/stack.ts';
import { userToken } from '../../support/jwt.ts';

const published = sliceSample.filter((s) => s.published).map((s) => s.id).sort();
const options = { auth: { persistSession: false, autoRefreshToken: false } };
const anon = createClient(testStack.supabaseUrl, testStack.anonKey, options);
const service = createClient(testStack.supabaseUrl, testStack.serviceRoleKey, options);
const resident = createClient(testStack.supabaseUrl, testStack.anonKey, { ...options, global: { headers: { Authorization: `Bearer ${userToken()}` } } });

describe('the API gateway', () => {
  it('refuses a request without an API key, as Supabase does', async () => {
    const res = await fetch(`${testStack.supabaseUrl}/rest/v1/slice_services`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'No API key found in request' });
  });

  it('refuses an API key that is not one of the project keys', async () => {
    const res = await fetch(`${testStack.supabaseUrl}/rest/v1/slice_services`, { headers: { apikey: 'not-a-key' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'Invalid API key' });
  });

  it('allows the site origin to call it from a browser', async () => {
    const res = await fetch(`${testStack.supabaseUrl}/rest/v1/slice_services`, { method: 'OPTIONS', headers: { Origin: testStack.env.PUBLIC_SITE_URL!, 'Access-Control-Request-Method': 'GET' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(testStack.env.PUBLIC_SITE_URL);
    expect(res.headers.get('access-control-allow-headers')).toContain('apikey');
  });

  it('gives no CORS permission to other origins', async () => {
    const res = await fetch(`${testStack.supabaseUrl}/rest/v1/slice_services`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('slice services under row level security', () => {
  it('shows anyone the published services and hides drafts', async () => {
    const { data, error } = await anon.from('slice_services').select('id');
    expect(error).toBeNull();
    expect(data!.map((r: { id: string }) => r.id).sort()).toEqual(published);
  });

  it('shows a signed-in resident the same published services', async () => {
    const { data, error } = await resident.from('slice_services').select('id');
    expect(error).toBeNull();
    expect(data!.map((r: { id: string }) => r.id).sort()).toEqual(published);
  });

  it('does not let anyone without the service role add a service', async () => {
    for (const client of [anon, resident]) {
      const { error } = await client.from('slice_services').insert({ id: 'sneaky', name: 'Sneaky', summary: 'x', town: 'y', published: true });
      expect(error?.code).toBe('42501');
    }
  });

  it('does not let a resident change or delete a service', async () => {
    const update = await resident.from('slice_services').update({ name: 'Changed' }).eq('id', published[0]!).select();
    expect(update.error?.code).toBe('42501');
    const remove = await resident.from('slice_services').delete().eq('id', published[0]!).select();
    expect(remove.error?.code).toBe('42501');
  });

  it('lets the service role add, read and remove a draft', async () => {
    const id = `gateway-test-${Date.now()}`;
    const insert = await service.from('slice_services').insert({ id, name: 'Test', summary: 'Test row', town: 'Testby', published: false }).select().single();
    expect(insert.error).toBeNull();
    expect(insert.data).toMatchObject({ id, published: false });
    const hidden = await anon.from('slice_services').select('id').eq('id', id);
    expect(hidden.data).toEqual([]);
    const remove = await service.from('slice_services').delete().eq('id', id).select();
    expect(remove.data).toHaveLength(1);
  });
});
