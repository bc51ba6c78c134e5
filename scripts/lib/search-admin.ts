import { Meilisearch, type Settings } from 'meilisearch';
import { indexNames } from '../../src/lib/search/client.ts';
import { serviceIndexSettings, type ServiceDocument } from '../../src/lib/search/documents.ts';
import type { ScriptConfig } from './config.ts';

/** Index management with the admin key: scripts only, never the browser. */
export function searchAdmin(config: Pick<ScriptConfig, 'PUBLIC_MEILI_HOST' | 'MEILI_ADMIN_KEY'>) {
  return new Meilisearch({ host: config.PUBLIC_MEILI_HOST, apiKey: config.MEILI_ADMIN_KEY });
}

async function succeeded(task: Promise<{ status: string; error?: { message: string } | null }>, what: string): Promise<void> {
  const done = await task;
  if (done.status !== 'succeeded') throw new Error(`Meilisearch could not ${what}: ${done.error?.message ?? done.status}`);
}

/** Documents per request: Meilisearch indexes each batch as a whole, and fewer, larger batches cost less. */
const sendSize = 10_000;

/**
 * Rebuilds an index from scratch in a fresh index and swaps it in atomically, so searches never
 * see a half-built index. The settings go first, once, so the documents are indexed once. Pages
 * are gathered into large requests sent as they fill, without waiting for Meilisearch to index
 * one before reading the next: it indexes while the rest are read.
 */
export async function rebuildIndex(
  client: Meilisearch,
  pages: AsyncIterable<ServiceDocument[]> | Iterable<ServiceDocument[]>,
  live: string = indexNames.services,
  settings: Settings = serviceIndexSettings,
): Promise<number> {
  const next = `${live}_next`;
  await client.deleteIndex(next).waitTask();
  await client.createIndex(live, { primaryKey: 'id' }).waitTask();
  await succeeded(client.createIndex(next, { primaryKey: 'id' }).waitTask(), 'create the new index');
  const index = client.index<ServiceDocument>(next);
  await succeeded(index.updateSettings(settings).waitTask(), 'apply the index settings');
  let count = 0;
  const sent: Promise<number>[] = [];
  let batch: ServiceDocument[] = [];
  const send = () => {
    const task = index.addDocuments(batch).then((t) => t.taskUid);
    task.catch(() => {}); // awaited below; this only keeps a failure from going unhandled meanwhile
    sent.push(task);
    batch = [];
  };
  for await (const documents of pages) {
    batch.push(...documents);
    count += documents.length;
    if (batch.length >= sendSize) send();
  }
  if (batch.length) send();
  for (const uid of await Promise.all(sent))
    await succeeded(client.tasks.waitForTask(uid, { timeout: 600_000, interval: 100 }), 'index the services');
  await succeeded(client.swapIndexes([{ indexes: [live, next], rename: false }]).waitTask(), 'swap in the new index');
  await client.deleteIndex(next).waitTask();
  return count;
}

/** Indexes a known list of documents (the relevance test's own index). */
export async function indexServices(
  client: Meilisearch,
  documents: ServiceDocument[],
  live: string = indexNames.services,
): Promise<number> {
  const pages: ServiceDocument[][] = [];
  for (let i = 0; i < documents.length; i += sendSize) pages.push(documents.slice(i, i + sendSize));
  return rebuildIndex(client, pages, live);
}
