import { describe, expect, it } from 'vitest';
import { testStack } from '../../support/stack.ts';

const auth = `${testStack.supabaseUrl}/auth/v1`;

describe('a refused oversized body', () => {
  it('does not break the next request through the gateway', async () => {
    for (let round = 0; round < 3; round++) {
      const big = await fetch(`${auth}/signup`, {
        method: 'POST',
        headers: { apikey: testStack.anonKey, 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'big@example.com', password: 'x'.repeat(2 * 1024 * 1024) }),
      });
      expect(big.status).toBe(413);
      const next = await fetch(`${auth}/settings`, { headers: { apikey: testStack.anonKey } });
      expect(next.status).toBe(200);
    }
  });
});
