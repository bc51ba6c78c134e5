import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { publishedServiceRanges, readServiceRange } from '../lib/directory/read-pages.ts';
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
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const client = supabaseClient();
        const ranges = await publishedServiceRanges(client);
        async function* batches() {
          for (const range of ranges) yield toHsdsServices(await readServiceRange(client, range));
        }
        const files = await writeExportFilesFrom(batches(), join(fileURLToPath(dir), 'oruk'));
        logger.info(`wrote ${files} Open Referral UK files in ${((performance.now() - started) / 1000).toFixed(1)}s`);
      },
    },
  };
}
