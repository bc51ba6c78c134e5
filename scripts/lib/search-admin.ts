import { Meilisearch } from 'meilisearch';
import { indexNames } from '../../src/lib/search/client.ts';
import { serviceIndexSettings, type ServiceDocument } from '../../src/lib/search/documents.ts';
import type { ScriptConfig } from './config.ts';

/** Index management with the admin key: scripts only, never the browser. */
export function searchAdmin(config: Pick<ScriptConfig, 'PUBLIC_MEILI_HOST' | 'MEILI_ADMIN_KEY'>) {
  return new Meilisearch({ host: config.PUBLIC_MEILI_HOST, apiKey: config.MEILI_ADMIN_KEY });
}

/**
 * Rebuilds the services index in a fresh index and swaps it in, so searches never see a
 * half-built index, then waits until it is searchable.
 */
export async function indexServices(client: Meilisearch, documents: ServiceDocument[]): Promise<number> {
  const live = indexNames.services;
  const next = `${live}_next`;
  await client.deleteIndex(next).waitTask();
  await client.createIndex(live, { primaryKey: 'id' }).waitTask();
  await client.createIndex(next, { primaryKey: 'id' }).waitTask();
  const index = client.index<ServiceDocument>(next);
  await index.updateSettings(serviceIndexSettings).waitTask();
  for (let i = 0; i < documents.length; i += 10_000) {
    const task = await index.addDocuments(documents.slice(i, i + 10_000)).waitTask({ timeout: 600_000 });
    if (task.status !== 'succeeded') throw new Error(`Meilisearch could not index the services: ${task.error?.message ?? task.status}`);
  }
  await client.swapIndexes([{ indexes: [live, next], rename: false }]).waitTask();
  await client.deleteIndex(next).waitTask();
  return documents.length;
}
