import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { testStack } from '../../support/stack.ts';
import { userToken } from '../../support/jwt.ts';

/**
 * Planned and estimated counts come from the planner's statistics over every row of a table,
 * drafts included, so the API refuses them to anon and signed-in callers
 * (20261123100100_api_request_guard.sql). Exact counts, which row level security filters, stay.
 */
const drafts = 'services?select=id&published=is.false';
const refusal = {
  code: 'SP400',
  message: 'Planned and estimated counts are not available through the public API',
  hint: 'Ask for Prefer: count=exact instead.',
};

async function count(path: string, prefer: string, token?: string) {
  const response = await fetch(`${testStack.supabaseUrl}/rest/v1/${path}`, {
    headers: { apikey: testStack.anonKey, prefer, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return { status: response.status, range: response.headers.get('content-range'), body: (await response.json()) as unknown };
}

describe.each([
  { who: 'anon', token: undefined },
  { who: 'a signed-in person', token: userToken() },
])('counting as $who', ({ token }) => {
  it.each(['count=planned', 'count=estimated', 'return=representation, count=planned'])(
    'refuses Prefer: %s with a specific error',
    async (prefer) => {
      const result = await count(drafts, prefer, token);
      expect({ status: result.status, body: result.body }).toMatchObject({ status: 400, body: refusal });
    },
  );

  it('still gives an exact count, which leaves out the drafts', async () => {
    const result = await count(drafts, 'count=exact', token);
    expect({ status: result.status, range: result.range }).toEqual({ status: 200, range: '*/0' });
  });
});

describe('counting with the service role key', () => {
  it('may still ask for a planned count (scripts, never a browser)', async () => {
    const response = await fetch(`${testStack.supabaseUrl}/rest/v1/${drafts}`, {
      headers: { apikey: testStack.serviceRoleKey, authorization: `Bearer ${testStack.serviceRoleKey}`, prefer: 'count=planned' },
    });
    // 206 when the planner's estimate is more rows than came back: an answer, not a refusal.
    expect([200, 206]).toContain(response.status);
    expect(response.headers.get('content-range')).toMatch(/\/\d+$/);
  });
});

describe('a planned count hidden in a second Prefer header', () => {
  it('is refused too', async () => {
    const url = new URL(`${testStack.supabaseUrl}/rest/v1/${drafts}`);
    const status = await new Promise<number>((resolve, reject) => {
      // Two separate header lines, which fetch would have joined into one.
      const req = request(url, { headers: { apikey: testStack.anonKey, prefer: ['return=minimal', 'count=planned'] } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
  });
});
