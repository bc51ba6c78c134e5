import { describe, expect, it } from 'vitest';
import { isLocalHost } from './gateway-hosts.ts';

describe('the host names the gateway answers to', () => {
  it('are the loopback names, with or without a port', () => {
    for (const host of ['127.0.0.1:54321', 'localhost:54321', 'LOCALHOST', '[::1]:54321', '127.0.0.1']) {
      expect(isLocalHost(host), host).toBe(true);
    }
  });

  it('exclude any other name, including one that merely starts like a local one', () => {
    for (const host of [undefined, '', 'evil.example:54321', 'localhost.evil.example', '127.0.0.1.nip.io', 'evil.example@127.0.0.1']) {
      expect(isLocalHost(host), String(host)).toBe(false);
    }
  });
});
