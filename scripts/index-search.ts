import { scriptConfig } from './lib/config.ts';
import { indexSearch } from './lib/index-search.ts';
import { buildAllOrukDocuments } from './lib/oruk-documents.ts';

/**
 * `npm run index`: rebuilds the Meilisearch indexes, and the ORUK API's documents, from what the
 * public may see in Supabase.
 */
const config = scriptConfig();
const counts = await indexSearch(config);
console.log(
  `Indexed ${Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')}.`,
);
const { documents } = await buildAllOrukDocuments(config.DATABASE_URL);
console.log(`Built the ORUK API's documents of ${documents} services.`);
