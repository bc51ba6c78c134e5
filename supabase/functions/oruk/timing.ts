import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * How long each request spent waiting for the database, so the `Server-Timing` header can tell
 * the database's part from the function's own (routing, mapping, checks, JSON). The store is per
 * request, so concurrent requests do not mix.
 */
const store = new AsyncLocalStorage<{ db: number }>();

/** A fetch for supabase-js that adds each PostgREST round trip, body included, to the request's time. */
export const timedFetch: typeof fetch = async (input, init) => {
  const started = performance.now();
  const response = await fetch(input, init);
  const body = await response.arrayBuffer();
  const timing = store.getStore();
  if (timing) timing.db += performance.now() - started;
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
};

/** Runs one request, then gives its answer a Server-Timing header: `db` and `app` in milliseconds. */
export async function withTiming(handle: () => Promise<Response>): Promise<Response> {
  const timing = { db: 0 };
  const started = performance.now();
  const response = await store.run(timing, handle);
  const total = performance.now() - started;
  response.headers.set('Server-Timing', `db;dur=${timing.db.toFixed(2)}, app;dur=${(total - timing.db).toFixed(2)}`);
  return response;
}
