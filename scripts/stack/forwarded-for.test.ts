import { describe, expect, it } from 'vitest';
import { withForwardedFor } from './forwarded-for.ts';

describe('the address the gateway forwards', () => {
  it('is the address the gateway saw, whatever the client claimed', () => {
    const headers = withForwardedFor(
      { 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.9', accept: 'application/json' },
      '127.0.0.1',
    );
    expect(headers).toEqual({ 'x-forwarded-for': '127.0.0.1', accept: 'application/json' });
  });
});
