import { exportCatalogue } from '../src/lib/oruk/export.ts';
import { writeExportFiles } from '../src/lib/oruk/write-export-files.ts';
import { scriptConfig } from './lib/config.ts';

/**
 * `npm run export:oruk -- [--out dist/oruk]`: writes the published directory from DATABASE_URL
 * as ORUK 3.0 JSON files (services.json and services/<id>.json).
 */
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? (args[outIndex + 1] ?? 'dist/oruk') : 'dist/oruk';
const started = performance.now();
const exported = await exportCatalogue(scriptConfig().DATABASE_URL);
const files = await writeExportFiles(exported, out);
console.log(
  `Exported ${exported.services.length} published services as ORUK 3.0 to ${out} (${files} files) in ${((performance.now() - started) / 1000).toFixed(1)}s.`,
);
