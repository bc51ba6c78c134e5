import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { testStack } from '../../support/stack.ts';

// fetch sets Host from the URL; node:http lets the test send what a rebinding page's browser would.
function statusWithHost(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${testStack.supabaseUrl}/auth/v1/settings`,
      { headers: { host, apikey: testStack.anonKey }, agent: false },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the host names the gateway answers', () => {
  it('refuses a request addressed to another name, as a DNS-rebinding page would send', async () => {
    const port = new URL(testStack.supabaseUrl).port;
    expect(await statusWithHost(`rebind.evil.example:${port}`)).toBe(403);
  });

  it('answers localhost and 127.0.0.1', async () => {
    const port = new URL(testStack.supabaseUrl).port;
    expect(await statusWithHost(`localhost:${port}`)).toBe(200);
    expect(await statusWithHost(`127.0.0.1:${port}`)).toBe(200);
  });
});
