import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAllOrukDocuments, storeOrukDocuments } from '../../../scripts/lib/oruk-documents.ts';
import { testStack } from '../../support/stack.ts';
import { getJson, orukUrl } from './support.ts';

// The ORUK API answers from documents the indexer built ahead, and builds any service without one
// on request (supabase/migrations/20261203010000_oruk_documents.sql). These services are this
// file's own, so other files changing the test database meanwhile do not touch them.
const db = new pg.Pool({ connectionString: testStack.databaseUrl, max: 3 });
const run = async <Row extends pg.QueryResultRow = { id: string }>(text: string, params: unknown[] = []) =>
  (await db.query<Row>(text, params)).rows;
const prefix = `built-doc-${randomUUID().slice(0, 8)}`;
const service = `${prefix}-service`;
const venue = `${prefix}-venue`;

const documentOf = async (id: string) =>
  (await run<{ document: { name: string } }>('select document from public.oruk_service_documents where service_id = $1', [id]))[0]
    ?.document;

/** Builds and stores the service's document as the indexer does, outside any outbox batch. */
async function build(ids: string[], applying: string[] = []): Promise<number> {
  const [reader, writer] = await Promise.all([db.connect(), db.connect()]);
  try {
    await reader.query('set role anon');
    return await storeOrukDocuments(reader, writer, ids, applying);
  } finally {
    await reader.query('reset role');
    reader.release();
    writer.release();
  }
}

const answer = async (id: string) => {
  const { status, body } = await getJson(`${orukUrl}/services/${id}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as { id: string; name: string; service_at_locations: { location: { name: string } }[] };
};

beforeAll(async () => {
  await run(`insert into public.organizations (id, name, visibility) values ($1, 'Built documents trust', 'always')`, [`${prefix}-org`]);
  await run(
    `insert into public.services (id, organization_id, name, description, published) values ($1, $2, 'Tuesday walk', 'A gentle walk.', true)`,
    [service, `${prefix}-org`],
  );
  await run(
    `insert into public.locations (id, name, visibility, latitude, longitude) values ($1, 'The old library', 'always', 52.6, 0.4)`,
    [venue],
  );
  await run(`insert into public.service_at_locations (id, service_id, location_id) values ($1, $2, $3)`, [
    `${prefix}-place`,
    service,
    venue,
  ]);
  await run('delete from public.search_outbox where service_id = $1', [service]);
});

afterAll(async () => {
  await run('delete from public.services where id like $1', [`${prefix}%`]);
  await run('delete from public.locations where id like $1', [`${prefix}%`]);
  await run('delete from public.organizations where id like $1', [`${prefix}%`]);
  await run('delete from public.search_outbox where service_id like $1', [`${prefix}%`]);
  await db.end();
});

describe('documents built ahead for the ORUK API', () => {
  it('answers the same for a service whether its document was built ahead or is built on request', async () => {
    expect(await documentOf(service)).toBeUndefined();
    const onRequest = await answer(service);
    expect(await build([service])).toBe(1);
    expect((await documentOf(service))?.name).toBe('Tuesday walk');
    expect(await answer(service)).toEqual(onRequest);
    const listed = await getJson(`${orukUrl}/services?text=${encodeURIComponent('Tuesday walk')}&per_page=100`);
    expect((listed.body as { contents: { id: string }[] }).contents.find((s) => s.id === service)).toEqual(onRequest);
  });

  it('drops a document in the same transaction as a change to its venue, so the API answers with the change at once', async () => {
    await build([service]);
    await run(`update public.locations set name = 'The new library' where id = $1`, [venue]);
    expect(await documentOf(service)).toBeUndefined();
    expect((await answer(service)).service_at_locations[0]!.location.name).toBe('The new library');
  });

  it('stores no document while another change to the service waits in the outbox, and the batch that applies it does', async () => {
    await run(`update public.services set description = 'A gentle walk, with tea after.' where id = $1`, [service]);
    const queued = (await run('select id::text from public.search_outbox where service_id = $1', [service])).map((r) => r.id);
    expect(queued.length).toBeGreaterThan(0);
    expect(await build([service])).toBe(0);
    expect(await documentOf(service)).toBeUndefined();
    expect(await build([service], queued)).toBe(1);
    expect((await answer(service)).name).toBe('Tuesday walk');
  });

  it('never keeps a public document for a service taken down, and builds none for it', async () => {
    await build(
      [service],
      (await run('select id::text from public.search_outbox where service_id = $1', [service])).map((r) => r.id),
    );
    await run('update public.services set published = false where id = $1', [service]);
    expect(await documentOf(service)).toBeUndefined();
    expect((await getJson(`${orukUrl}/services/${service}`)).status).toBe(404);
    await buildAllOrukDocuments(testStack.databaseUrl);
    expect(await documentOf(service)).toBeUndefined();
    await run('update public.services set published = true where id = $1', [service]);
  });

  it('rebuilds the documents of every service carrying a term when its taxonomy is renamed', async () => {
    const [taxonomy] = await run(
      `insert into public.taxonomies (id, name, description) values ($1, 'Built documents vocabulary', 'Terms for this test') returning id`,
      [`${prefix}-taxonomy`],
    );
    await run(`insert into public.taxonomy_terms (id, taxonomy_id, name) values ($1, $2, 'Walking')`, [`${prefix}-term`, taxonomy!.id]);
    await run(`insert into public.service_taxonomies (id, service_id, taxonomy_term_id) values ($1, $2, $3)`, [
      `${prefix}-link`,
      service,
      `${prefix}-term`,
    ]);
    await build(
      [service],
      (await run('select id::text from public.search_outbox where service_id = $1', [service])).map((r) => r.id),
    );
    expect(await documentOf(service)).toBeDefined();
    await run(`update public.taxonomies set name = 'Renamed vocabulary' where id = $1`, [taxonomy!.id]);
    expect(await documentOf(service)).toBeUndefined();
    await run('delete from public.service_taxonomies where id = $1', [`${prefix}-link`]);
    await run('delete from public.taxonomy_terms where id = $1', [`${prefix}-term`]);
    await run('delete from public.taxonomies where id = $1', [taxonomy!.id]);
  });
});
