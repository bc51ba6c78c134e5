import { scriptConfig } from './lib/config.ts';
import { runIndexer } from './lib/indexer.ts';

/** `npm run indexer`: applies database changes to the search index until stopped (Ctrl-C). */
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => controller.abort());
console.log('Search index sync is running.');
await runIndexer(scriptConfig(), { signal: controller.signal });
