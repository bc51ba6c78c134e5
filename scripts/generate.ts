import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { bulkInsert } from '../src/lib/oruk/bulk-insert.ts';
import { connect } from '../src/lib/oruk/db.ts';
import { catalogueSchema, catalogueTableNames } from '../src/lib/schemas/catalogue.ts';
import { generateCatalogueChunks } from '../src/lib/sample-data/generate.ts';
import { scriptConfig } from './lib/config.ts';

/**
 * `npm run generate -- --services 100000 [--seed 1] [--out file.ndjson] [--database-url URL]`
 * Creates synthetic directory data for benchmarks, into DATABASE_URL (default: the local stack)
 * or, with --out, as newline-delimited JSON ({"table":..., "row":...} per line).
 */
const { values } = parseArgs({
  options: {
    services: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    'database-url': { type: 'string' },
  },
});
const services = Number(values.services);
if (!Number.isInteger(services) || services < 1) throw new Error('--services must be a whole number above 0');
const started = performance.now();
const chunks = generateCatalogueChunks({ services, seed: Number(values.seed) });
let rows = 0;

if (values.out) {
  const out = createWriteStream(values.out);
  for (const chunk of chunks) {
    for (const table of catalogueTableNames) {
      for (const row of chunk[table] ?? []) {
        if (!out.write(`${JSON.stringify({ table, row })}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        rows++;
      }
    }
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
} else {
  const client = await connect(values['database-url'] ?? scriptConfig().DATABASE_URL);
  try {
    // Skipping triggers (history) and FK re-checks needs superuser, which the local stack has;
    // elsewhere we carry on with triggers on, just more slowly.
    await client
      .query(`set session_replication_role = replica`)
      .catch(() => console.warn('Not a superuser: change history will be recorded for generated rows.'));
    let first = true;
    for (const chunk of chunks) {
      // Templates are fixed, so checking the first chunk against the schemas catches a bad one
      // without paying for validation of every generated row.
      const checked = first ? catalogueSchema.parse(chunk) : chunk;
      first = false;
      await client.query('begin');
      for (const table of catalogueTableNames) rows += await bulkInsert(client, table, checked[table] ?? []);
      await client.query('commit');
    }
  } finally {
    await client.end();
  }
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `Generated ${services} services (${rows} rows) ${values.out ? `into ${values.out}` : 'into the database'} in ${seconds.toFixed(1)}s (${Math.round(services / seconds)} services/s).`,
);
