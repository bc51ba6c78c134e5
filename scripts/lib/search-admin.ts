import { Meilisearch } from 'meilisearch';
import { indexNames, type SliceServiceHit } from '../../src/lib/search/client.ts';
import type { ScriptConfig } from './config.ts';

/** Index management with the admin key: scripts only, never the browser. */
export function searchAdmin(config: Pick<ScriptConfig, 'PUBLIC_MEILI_HOST' | 'MEILI_ADMIN_KEY'>) {
  return new Meilisearch({ host: config.PUBLIC_MEILI_HOST, apiKey: config.MEILI_ADMIN_KEY });
}

/** Replaces the slice index with the given published rows and waits until they are searchable. */
export async function indexSliceServices(client: Meilisearch, rows: SliceServiceHit[]): Promise<number> {
  const index = client.index<SliceServiceHit>(indexNames.sliceServices);
  await client.createIndex(indexNames.sliceServices, { primaryKey: 'id' }).waitTask();
  await index.updateSettings({ searchableAttributes: ['name', 'summary', 'town'], displayedAttributes: ['id', 'name', 'summary', 'town'] }).waitTask();
  await index.deleteAllDocuments().waitTask();
  const task = await index.addDocuments(rows).waitTask();
  if (task.status !== 'succeeded') throw new Error(`Meilisearch could not index the slice services: ${task.error?.message ?? task.status}`);
  return rows.length;
}
