import { describe, expect, it } from 'vitest';
import { testStack } from '../../support/stack.ts';

const site = testStack.env.PUBLIC_SITE_URL!;
const get = (path: string, origin: string) =>
  fetch(`${testStack.supabaseUrl}${path}`, { headers: { apikey: testStack.anonKey, Origin: origin } });

describe('CORS on the gateway’s answers', () => {
  it('gives another origin no permission to read a REST answer, whatever PostgREST says', async () => {
    const res = await get('/rest/v1/services?select=id&limit=1', 'https://evil.example');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the site read a REST answer, naming the site rather than any origin', async () => {
    const res = await get('/rest/v1/services?select=id&limit=1', site);
    expect(res.headers.get('access-control-allow-origin')).toBe(site);
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('applies the same rule to Auth answers', async () => {
    expect((await get('/auth/v1/settings', site)).headers.get('access-control-allow-origin')).toBe(site);
    expect((await get('/auth/v1/settings', 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
