import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address.ts';

describe('the caller address the Auth server counts limits against', () => {
  it('is the hop the gateway recorded, not the one a client put first', () => {
    expect(clientAddress('203.0.113.9, 127.0.0.1', '127.0.0.1')).toBe('127.0.0.1');
  });

  it('is the gateway’s single recorded hop when there is one', () => {
    expect(clientAddress('198.51.100.7', '127.0.0.1')).toBe('198.51.100.7');
  });

  it('falls back to the connection’s address when the header is missing or not an address', () => {
    expect(clientAddress(undefined, '::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(clientAddress('not-an-address', '127.0.0.1')).toBe('127.0.0.1');
  });
});
