import { scriptConfig } from './lib/config.ts';
import { indexSearch } from './lib/index-search.ts';

/** `npm run index`: rebuilds the Meilisearch indexes from what the public may see in Supabase. */
const counts = await indexSearch(scriptConfig());
console.log(
  `Indexed ${Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')}.`,
);
