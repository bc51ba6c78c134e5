import { test as base } from '@playwright/test';

/**
 * Tests make no call outside this machine: every request to another host (map tiles, postcodes.io)
 * is refused, as if the network were unplugged. The map then shows its plain background and
 * postcodes fall back to the district table.
 */
export const test = base.extend<{ refusedRequests: string[] }>({
  refusedRequests: [
    async ({ context }, use) => {
      const refused: string[] = [];
      await context.route(
        (url) => !['127.0.0.1', 'localhost'].includes(url.hostname),
        (route) => {
          refused.push(route.request().url());
          return route.abort('internetdisconnected');
        },
      );
      await use(refused);
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
