import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../../../scripts/stack/gateway.ts';
import { legacyApiKeys } from '../../support/legacy-api-keys.ts';
import { testStack } from '../../support/stack.ts';
import { confirmedUser, startExtraAuthServer } from '../auth/helpers.ts';

// A gateway of its own in front of an Auth server with a low password limit, so the count
// starts from nothing and ten attempts are enough to show it.
describe('the address the gateway forwards to Auth', () => {
  let auth: Awaited<ReturnType<typeof startExtraAuthServer>>;
  let gateway: Server;
  let url: string;
  beforeAll(async () => {
    auth = await startExtraAuthServer({ GOTRUE_RATE_LIMIT_TOKEN_REFRESH: '5' });
    gateway = await startGateway({
      host: '127.0.0.1',
      port: 0,
      postgrestUrl: 'http://127.0.0.1:9',
      authUrl: auth.url,
      apiKeys: legacyApiKeys(),
      allowedOrigins: [],
    });
    url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    gateway.closeAllConnections();
    await new Promise((resolve) => gateway.close(resolve));
    await auth.close();
  });

  it('is its own, so wrong passwords sent with a new X-Forwarded-For each time still reach the limit', async () => {
    const { email, password } = await confirmedUser('rotating-xff');
    const signIn = (attempt: string, n: number) =>
      fetch(`${url}/auth/v1/token?grant_type=password`, {
        method: 'POST',
        headers: { apikey: testStack.anonKey, 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${n}` },
        body: JSON.stringify({ email, password: attempt }),
      });
    const statuses: number[] = [];
    for (let n = 1; n <= 10; n++) statuses.push((await signIn(`guess-${n}`, n)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429, 429, 429, 429]);
    expect((await signIn(password, 11)).status).toBe(429);
  });
});
