import { describe, expect, it } from 'vitest';
import { testStack } from '../../support/stack.ts';
import { anonClient, confirmedUser, uniqueEmail } from './helpers.ts';

const auth = `${testStack.supabaseUrl}/auth/v1`;

describe('requests the Auth server cannot make sense of', () => {
  it('answers a broken percent-escape in a user id with 400 in GoTrue’s error shape', async () => {
    const res = await fetch(`${auth}/admin/users/%E0%A4%A`, {
      headers: { apikey: testStack.serviceRoleKey, 'x-supabase-api-version': '2024-01-01' },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: 'validation_failed', msg: 'Invalid percent-encoding in the request path' });
  });

  it('answers a broken percent-escape in a factor id with 400 in GoTrue’s older error shape too', async () => {
    const { session } = await confirmedUser('bad-escape');
    const res = await fetch(`${auth}/factors/%ZZ/challenge`, {
      method: 'POST',
      headers: { apikey: testStack.anonKey, authorization: `Bearer ${session.access_token}` },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: 400, error_code: 'validation_failed', msg: 'Invalid percent-encoding in the request path' });
  });

  it('refuses a body over 1 MiB with 413 request_entity_too_large, as GoTrue does', async () => {
    const { error } = await anonClient().auth.signUp({ email: uniqueEmail('huge'), password: 'x'.repeat(2 * 1024 * 1024) });
    expect(error?.status).toBe(413);
    expect(error?.code).toBe('request_entity_too_large');
  });
});
