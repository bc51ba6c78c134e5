import type pg from 'pg';
import type { Meilisearch } from 'meilisearch';
import { connect } from '../../src/lib/oruk/db.ts';
import { indexNames } from '../../src/lib/search/client.ts';
import type { ScriptConfig } from './config.ts';
import { storeOrukDocuments } from './oruk-documents.ts';
import { DocumentReader } from './search-documents.ts';
import { searchAdmin } from './search-admin.ts';
import { sleep } from './sleep.ts';

export interface IndexerOptions {
  signal: AbortSignal;
  log?: (line: string) => void;
  /** How often to look at the outbox when no notification arrives, in ms. */
  pollMs?: number;
  batchSize?: number;
  index?: string;
}

interface Connections {
  admin: pg.Client;
  listen: pg.Client;
  /** Acts as anon: reads what the public may see. */
  readerClient: pg.Client;
  reader: DocumentReader;
  end: () => Promise<void>;
}

async function open(config: ScriptConfig, wake: () => void): Promise<Connections> {
  const admin = await connect(config.DATABASE_URL);
  const listen = await connect(config.DATABASE_URL);
  const readerClient = await connect(config.DATABASE_URL);
  const reader = new DocumentReader(readerClient);
  await reader.actAsPublic();
  listen.on('notification', wake);
  await listen.query('listen search_outbox');
  const clients = [admin, listen, readerClient];
  for (const c of clients) c.on('error', () => {}); // a lost connection shows up as a failed query, then we reconnect
  return { admin, listen, readerClient, reader, end: () => Promise.all(clients.map((c) => c.end().catch(() => {}))).then(() => {}) };
}

/**
 * Applies one batch of the outbox to Meilisearch: rebuilds the documents of the services it
 * names from what the public may now see, upserts those still published, deletes the rest, waits
 * until Meilisearch has applied both, stores the ORUK API's documents of those still published
 * (the others' went when their change was queued), and only then removes exactly the rows it
 * applied (a row committed meanwhile by a slower transaction stays for the next batch). Returns
 * how many rows.
 */
export async function applyOutboxBatch(db: Connections, meili: Meilisearch, index: string, batchSize: number): Promise<number> {
  const { rows } = await db.admin.query<{ id: string; service_id: string }>(
    'select id::text, service_id from public.search_outbox order by id limit $1',
    [batchSize],
  );
  if (!rows.length) return 0;
  const ids = [...new Set(rows.map((r) => r.service_id))];
  db.reader.refreshNeeds();
  const { documents } = await db.reader.page({ onlyIds: ids, pageSize: ids.length });
  const present = new Set(documents.map((d) => d.id));
  const gone = ids.filter((id) => !present.has(id));
  const target = meili.index(index);
  const tasks = [
    ...(documents.length ? [await target.addDocuments(documents, { primaryKey: 'id' })] : []),
    ...(gone.length ? [await target.deleteDocuments(gone)] : []),
  ];
  for (const task of tasks) {
    const done = await meili.tasks.waitForTask(task.taskUid, { timeout: 60_000, interval: 25 });
    if (done.status !== 'succeeded') throw new Error(`Meilisearch did not apply the change: ${done.error?.message ?? done.status}`);
  }
  await storeOrukDocuments(
    db.readerClient,
    db.admin,
    [...present],
    rows.map((r) => r.id),
  );
  await db.admin.query('delete from public.search_outbox where id = any($1::bigint[])', [rows.map((r) => r.id)]);
  return rows.length;
}

/**
 * `npm run indexer`: keeps Meilisearch in step with the database. Wakes on a notification from
 * the outbox triggers (or every pollMs), applies the outbox in order, and on any failure
 * (Meilisearch or Postgres down) waits with exponential backoff and tries again; nothing is
 * removed from the outbox until Meilisearch has it, so nothing is lost while it is down.
 */
export async function runIndexer(config: ScriptConfig, options: IndexerOptions): Promise<void> {
  const { signal, log = console.log, pollMs = 1000, batchSize = 1000, index = indexNames.services } = options;
  const meili = searchAdmin(config);
  let wakeUp: (() => void) | undefined;
  const wake = () => wakeUp?.();
  let db: Connections | undefined;
  let backoff = 250;
  let failing = false;
  while (!signal.aborted) {
    try {
      db ??= await open(config, wake);
      const applied = await applyOutboxBatch(db, meili, index, batchSize);
      if (failing) log('Search index sync is working again.');
      failing = false;
      backoff = 250;
      if (applied === batchSize) continue;
      if (applied === 0) {
        await new Promise<void>((resolve) => {
          wakeUp = resolve;
          const timer = setTimeout(resolve, pollMs);
          signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
        });
        wakeUp = undefined;
      }
    } catch (error) {
      if (!failing) log(`Search index sync is waiting: ${(error as Error).message}. Changes are kept and applied when it can.`);
      failing = true;
      if (db && !(error as Error).name.startsWith('MeiliSearch')) {
        // Not Meilisearch: the database connections may be gone, so open fresh ones next time.
        await db.end();
        db = undefined;
      }
      await sleep(backoff, signal);
      backoff = Math.min(backoff * 2, 10_000);
    }
  }
  await db?.end();
}
