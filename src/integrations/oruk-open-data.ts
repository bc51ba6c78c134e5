import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { endRangeCache, readRangeOnce, startRangeCache } from '../lib/directory/range-cache.ts';
import { publishedServiceRanges } from '../lib/directory/read-pages.ts';
import { toHsdsServices } from '../lib/oruk/export-mapping.ts';
import { writeExportFilesFrom } from '../lib/oruk/write-export-files.ts';
import { supabaseClient } from '../lib/supabase.ts';

/**
 * Publishes the directory as Open Referral UK 3.0 open data in the built site: `/oruk/services.json`
 * and `/oruk/services/<id>.json`, like the ORUK read API. Written after the pages, a range of
 * services at a time and streamed, not as Astro endpoints: an endpoint's response is one string,
 * and at 100,000 services the dataset (about 550 MB) is longer than a JS string may be.
 */
export function orukOpenData(): AstroIntegration {
  return {
    name: 'signpost:oruk-open-data',
    hooks: {
      // The pages and this export read each range of the directory once between them (range-cache.ts).
      'astro:build:start': () => startRangeCache(),
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const client = supabaseClient();
        const ranges = await publishedServiceRanges(client);
        async function* batches() {
          // The next range is read while this one is written.
          let next = ranges[0] ? readRangeOnce(client, ranges[0]) : undefined;
          for (let i = 0; next; i++) {
            const catalogue = await next;
            next = ranges[i + 1] ? readRangeOnce(client, ranges[i + 1]!) : undefined;
            yield toHsdsServices(catalogue);
          }
        }
        const files = await writeExportFilesFrom(batches(), join(fileURLToPath(dir), 'oruk')).finally(endRangeCache);
        logger.info(`wrote ${files} Open Referral UK files in ${((performance.now() - started) / 1000).toFixed(1)}s`);
      },
    },
  };
}
