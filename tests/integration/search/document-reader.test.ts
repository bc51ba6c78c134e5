import { afterAll, beforeAll, expect, it } from 'vitest';
import type pg from 'pg';
import { DocumentReader } from '../../../scripts/lib/search-documents.ts';
import { buildListings } from '../../../src/lib/directory/listing.ts';
import { connect } from '../../../src/lib/oruk/db.ts';
import { loadPublishedCatalogue } from '../../../src/lib/oruk/load-catalogue.ts';
import { toServiceDocument } from '../../../src/lib/search/documents.ts';
import { testStack } from '../../support/stack.ts';
import { ensureSampleData } from '../catalogue/support.ts';

// A full rebuild reads the next page while it builds this one's documents. One pg connection runs
// one query at a time: a second sent meanwhile is queued by pg today and refused by pg 9.
let client: pg.Client;
let running = 0;
let mostAtOnce = 0;

beforeAll(async () => {
  await ensureSampleData();
  client = await connect(testStack.databaseUrl);
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  // Counts the queries in flight on this real connection; each still goes to Postgres.
  (client as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args) => {
    running++;
    mostAtOnce = Math.max(mostAtOnce, running);
    return query(...args).finally(() => running--);
  };
});

afterAll(async () => {
  await client.end();
});

it('reads every page of a rebuild with one query at a time on its connection, the next page while this one is built', async () => {
  const reader = new DocumentReader(client);
  await reader.actAsPublic();
  let documents = 0;
  let pages = 0;
  for await (const page of reader.all(25)) {
    documents += page.length;
    pages++;
  }
  expect(pages).toBeGreaterThan(2);
  expect(documents).toBeGreaterThan(100);
  expect(mostAtOnce).toBe(1);
});

it('gives each published service the same document as the whole published catalogue does, times kept only on a place included', async () => {
  const reader = new DocumentReader(client);
  await reader.actAsPublic();
  const paged = [];
  for await (const page of reader.all(40)) paged.push(...page);
  await client.query('reset role');
  const catalogue = await loadPublishedCatalogue(testStack.databaseUrl);
  const whole = buildListings(catalogue).map(toServiceDocument);
  // The sample keeps some times only on a place, read through the page's places.
  expect(catalogue.schedules.some((s) => s.service_id === null)).toBe(true);
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  expect(paged.sort(byId)).toEqual(whole.sort(byId));
});
