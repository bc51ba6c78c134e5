import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningStack } from '../stack/index.ts';
import { scriptConfig } from './config.ts';
import { indexSearch } from './index-search.ts';
import { buildAllOrukDocuments } from './oruk-documents.ts';
import { seedCatalogue } from '../seed-catalogue.ts';

/**
 * Seeds the sample data once per state folder (so a second start keeps what people changed),
 * then rebuilds the search index and the ORUK API's documents from the database on every start.
 */
export async function prepareData(stack: RunningStack, log: (line: string) => void = console.log): Promise<void> {
  const marker = join(stack.profile.stateDir, 'seeded');
  const config = scriptConfig({ ...process.env, ...stack.env });
  if (!existsSync(marker)) {
    const counts = await seedCatalogue(config.DATABASE_URL);
    writeFileSync(marker, new Date().toISOString());
    log(
      `Loaded sample data: ${Object.entries(counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`,
    );
  }
  const indexed = await indexSearch(config);
  log(
    `Search index ready: ${Object.entries(indexed)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  );
  const { documents } = await buildAllOrukDocuments(config.DATABASE_URL);
  log(`ORUK API documents ready: ${documents} services`);
}
