import { createClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { sampleData } from '../../../src/lib/sample-data/index.ts';
import { testStack } from '../../support/stack.ts';
import { userToken } from '../../support/jwt.ts';

const published = sampleData.catalogue.services
  .filter((s) => s.published)
  .map((s) => s.id)
  .sort();
const draft = sampleData.catalogue.services.find((s) => !s.published)!;
const options = { auth: { persistSession: false, autoRefreshToken: false } };
const anon = createClient(testStack.supabaseUrl, testStack.anonKey, options);
const service = createClient(testStack.supabaseUrl, testStack.serviceRoleKey, options);
const resident = createClient(testStack.supabaseUrl, testStack.anonKey, {
  ...options,
  global: { headers: { Authorization: `Bearer ${userToken()}` } },
});

describe('the API gateway', () => {
  it('refuses a request without an API key, as Supabase does', async () => {
    const res = await fetch(`${testStack.supabaseUrl}/rest/v1/services`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'No API key found in request' });
  });

  it('refuses an API key that is not one of the project keys', async () => {
    const res = await fetch(`${testStack.supabaseUrl}/rest/v1/services`, { headers: { apikey: 'not-a-key' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'Invalid API key' });
  });

  it('allows the site origin to call it from a browser', async () => {
    const res = await fetch(`${testStack.supabaseUrl}/rest/v1/services`, {
      method: 'OPTIONS',
      headers: { Origin: testStack.env.PUBLIC_SITE_URL!, 'Access-Control-Request-Method': 'GET' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(testStack.env.PUBLIC_SITE_URL);
    expect(res.headers.get('access-control-allow-headers')).toContain('apikey');
  });

  it('gives no CORS permission to other origins', async () => {
    const res = await fetch(`${testStack.supabaseUrl}/rest/v1/services`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

// Other test files add and remove services in the same database, so these tests look at known
// sample rows rather than at totals.
describe('reading through the gateway', () => {
  it('shows anyone published services and hides drafts', async () => {
    const { data, error } = await anon.from('services').select('id, published').in('id', [published[0]!, draft.id]);
    expect(error).toBeNull();
    expect(data).toEqual([{ id: published[0], published: true }]);
  });

  it('lets the service role see drafts too', async () => {
    const { data, error } = await service.from('services').select('id').eq('id', draft.id);
    expect(error).toBeNull();
    expect(data).toEqual([{ id: draft.id }]);
  });

  it('passes a signed-in person’s token through to the database', async () => {
    const { data, error } = await resident.from('services').select('id').in('id', [published[0]!, draft.id]);
    expect(error).toBeNull();
    expect(data).toEqual([{ id: published[0] }]);
    const denied = await resident.from('services').insert({ name: 'Sneaky' }).select();
    expect(denied.error?.code).toBe('42501');
  });
});
