import { formatReport, importOruk } from '../src/lib/oruk/import.ts';
import { scriptConfig } from './lib/config.ts';

/**
 * `npm run import:oruk -- <file-or-url> [--verbose]`: imports ORUK v1 or ORUK 3.0 services into
 * DATABASE_URL (default: the local stack). Exits non-zero only if nothing could be imported.
 */
const args = process.argv.slice(2);
const source = args.find((a) => !a.startsWith('--'));
if (!source) {
  console.error('Usage: npm run import:oruk -- <file-or-url> [--verbose]');
  process.exit(2);
}
const started = performance.now();
const report = await importOruk(scriptConfig().DATABASE_URL, source);
const text = formatReport(args.includes('--verbose') ? { ...report } : report);
console.log(args.includes('--verbose') ? text.replace(/ {2}…and .*$/m, '') : text);
if (args.includes('--verbose')) {
  for (const w of report.warnings.slice(20)) console.log(`  ${w.id} "${w.name}": ${w.messages.join('; ').replace(/\n/g, ' ')}`);
}
console.log(`Took ${((performance.now() - started) / 1000).toFixed(1)}s.`);
process.exitCode = report.imported === 0 && report.total > 0 ? 1 : 0;
