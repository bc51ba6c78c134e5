import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptConfig } from '../../../scripts/lib/config.ts';
import { indexSearch } from '../../../scripts/lib/index-search.ts';
import { runIndexer } from '../../../scripts/lib/indexer.ts';
import { startMeilisearch, type RunningMeilisearch } from '../../../scripts/stack/meilisearch.ts';
import { profiles } from '../../../scripts/stack/profiles.ts';
import { connect } from '../../../src/lib/oruk/db.ts';
import { searchServices } from '../../../src/lib/search/client.ts';
import { testStack } from '../../support/stack.ts';

/**
 * Index sync against the real test database and a Meilisearch of this test's own (so stopping it
 * does not disturb other tests): the indexer runs as `npm run indexer` runs it.
 */
const meiliProfile = {
  ...profiles.test,
  stateDir: mkdtempSync(join(tmpdir(), 'signpost-index-sync-')),
  ports: { ...profiles.test.ports, meilisearch: profiles.test.ports.meilisearch + 40 },
};
let meili: RunningMeilisearch;
let db: pg.Client;
const stopIndexer = new AbortController();
let indexer: Promise<void>;
const log: string[] = [];
const config = () => scriptConfig({ ...process.env, ...testStack.env, PUBLIC_MEILI_HOST: meili.url });
const connection = () => ({ host: meili.url, searchKey: meili.searchKey });

/**
 * This file's own services and place, so its edits never change the sample listings that other test
 * files (the ORUK API's, the pages') read at the same time.
 */
const fixtureIds = Array.from({ length: 8 }, (_, i) => `index-sync-fixture-${i + 1}`);
const fixturePlace = 'index-sync-fixture-place';
const deletedServiceId = 'index-sync-deleted-service';

async function ownServices(count: number, offset = 0): Promise<{ id: string; name: string }[]> {
  return (
    await db.query<{ id: string; name: string }>('select id, name from public.services where id = any($1) order by id offset $2 limit $3', [
      fixtureIds,
      offset,
      count,
    ])
  ).rows;
}

async function addFixtures(): Promise<void> {
  await removeFixtures();
  await db.query(
    `insert into public.services (id, name, description, published)
     select id, 'Index sync fixture ' || n, 'A group made by the index sync test.', true
     from unnest($1::text[]) with ordinality as f(id, n)`,
    [fixtureIds],
  );
  await db.query(`insert into public.locations (id, name, city) values ($1, 'Index sync fixture hall', 'Fixtureton')`, [fixturePlace]);
  await db.query(`insert into public.service_at_locations (service_id, location_id) values ($1, $2)`, [fixtureIds[0], fixturePlace]);
}

async function removeFixtures(): Promise<void> {
  // With the service the deletion test makes, in case an earlier run stopped before deleting it.
  await db.query('delete from public.services where id = any($1)', [[...fixtureIds, deletedServiceId]]);
  await db.query('delete from public.locations where id = $1', [fixturePlace]);
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not true after ${timeoutMs} ms; indexer said: ${log.join(' | ')}`);
}

/** Outbox entries waiting, for the given services or for any. One query: a pg client runs one at a time. */
async function queued(...serviceIds: string[]): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from public.search_outbox${serviceIds.length ? ' where service_id = any($1)' : ''}`,
    serviceIds.length ? [serviceIds] : [],
  );
  return rows[0]!.n;
}

const idsFor = async (words: string) => (await searchServices(connection(), { words, limit: 50 })).hits.map((h) => h.id);

beforeAll(async () => {
  meili = await startMeilisearch(meiliProfile);
  db = await connect(testStack.databaseUrl);
  await addFixtures();
  await indexSearch(config());
  indexer = runIndexer(config(), { signal: stopIndexer.signal, log: (line) => log.push(line), pollMs: 200 });
}, 60_000);

afterAll(async () => {
  await removeFixtures();
  stopIndexer.abort();
  await indexer;
  await db.end();
  await meili.stop();
  rmSync(meiliProfile.stateDir, { recursive: true, force: true });
}, 30_000);

describe('keeping search in step with the database', () => {
  it('makes a renamed service findable by its new name', async () => {
    const [service] = await ownServices(1);
    await db.query('update public.services set name = $2 where id = $1', [service!.id, 'Quillwort Renamed Group']);
    await eventually(async () => (await idsFor('Quillwort')).includes(service!.id));
  });

  it('removes a service from search when it is unpublished, and brings it back when it is published again', async () => {
    const [service] = await ownServices(1, 1);
    await db.query('update public.services set name = $2 where id = $1', [service!.id, 'Marshwort Visibility Check']);
    await eventually(async () => (await idsFor('Marshwort')).includes(service!.id));
    await db.query('update public.services set published = false where id = $1', [service!.id]);
    await eventually(async () => !(await idsFor('Marshwort')).includes(service!.id));
    await db.query('update public.services set published = true where id = $1', [service!.id]);
    await eventually(async () => (await idsFor('Marshwort')).includes(service!.id));
  });

  it('removes a deleted service from search', async () => {
    const id = deletedServiceId;
    await db.query(
      `insert into public.services (id, name, description, published) values ($1, 'Butterbur Deletion Check', 'A test group.', true)`,
      [id],
    );
    await eventually(async () => (await idsFor('Butterbur')).includes(id));
    await db.query('delete from public.services where id = $1', [id]);
    await eventually(async () => !(await idsFor('Butterbur')).includes(id));
  });

  it("stores the ORUK API's new document of a changed service as it applies the change", async () => {
    const [service] = await ownServices(1);
    const documentName = async () =>
      (
        await db.query<{ name: string }>(`select document->>'name' as name from public.oruk_service_documents where service_id = $1`, [
          service!.id,
        ])
      ).rows[0]?.name;
    await db.query('update public.services set name = $2 where id = $1', [service!.id, 'Sneezewort Document Check']);
    await eventually(async () => (await documentName()) === 'Sneezewort Document Check' && (await queued(service!.id)) === 0);
  });

  it('reaches the services of a place when the place changes', async () => {
    await db.query('update public.locations set city = $2 where id = $1', [fixturePlace, 'Wolfsbane Parva']);
    await eventually(async () => (await idsFor('Wolfsbane Parva')).includes(fixtureIds[0]!));
  });

  it('loses no edit made while Meilisearch is stopped, and leaves nothing stale once it is back', async () => {
    const services = await ownServices(4, 2);
    await meili.stop();
    try {
      for (const [i, s] of services.slice(0, 3).entries())
        await db.query('update public.services set name = $2 where id = $1', [s.id, `Figwort Outage Edit ${i}`]);
      await db.query('update public.services set published = false where id = $1', [services[3]!.id]);
      // Give the indexer time to fail and back off while Meilisearch is away.
      await new Promise((r) => setTimeout(r, 1500));
      expect(await queued()).toBeGreaterThan(0);
    } finally {
      meili = await startMeilisearch(meiliProfile);
    }
    await eventually(async () => {
      const found = await idsFor('Figwort Outage Edit');
      return services.slice(0, 3).every((s) => found.includes(s.id));
    }, 30_000);
    await eventually(async () =>
      (await searchServices(connection(), { words: services[3]!.name, limit: 50 })).hits.every((h) => h.id !== services[3]!.id),
    );
    // Other test files edit the directory meanwhile, so look only at these services' entries.
    await eventually(async () => (await queued(...services.map((s) => s.id))) === 0);
    expect(log.some((line) => line.includes('waiting'))).toBe(true);
  }, 60_000);
});

describe('the outbox', () => {
  it('is not readable with the public (anon) key', async () => {
    const response = await fetch(`${testStack.supabaseUrl}/rest/v1/search_outbox?select=*`, {
      headers: { apikey: testStack.anonKey, Authorization: `Bearer ${testStack.anonKey}` },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
  });

  it('records a change in the same transaction as the change, and not at all when it rolls back', async () => {
    const [service] = await ownServices(1, 7);
    const before = await queued(service!.id);
    await db.query('begin');
    await db.query('update public.services set name = name where id = $1', [service!.id]);
    const inside = await queued(service!.id);
    await db.query('rollback');
    expect(inside).toBeGreaterThan(before);
    const after = await queued(service!.id);
    expect(after).toBeLessThanOrEqual(before);
  });
});
