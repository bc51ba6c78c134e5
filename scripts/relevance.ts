import { connect } from '../src/lib/oruk/db.ts';
import { scriptConfig } from './lib/config.ts';
import { formatRelevance, runRelevance } from './lib/relevance.ts';

/**
 * `npm run relevance`: the judged queries (tests/relevance) through Signpost's search and a plain
 * Postgres full-text baseline on the same rows, with the queries Signpost misses.
 */
const config = scriptConfig();
const db = await connect(config.DATABASE_URL);
try {
  const reports = await runRelevance(config, db);
  console.log(formatRelevance(reports));
  for (const r of reports) {
    for (const miss of r.signpost.misses)
      console.log(`\n[${r.dataset}] Signpost missed “${miss.query}”: ${miss.top.join(' · ') || 'nothing'}`);
  }
} finally {
  await db.end();
}
