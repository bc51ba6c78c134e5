import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultMapping, formatImportReport, importAreas, prepareAreas } from './lib/areas-import.ts';
import { scriptConfig } from './lib/config.ts';
import { stackEnv } from './stack/index.ts';
import { profiles } from './stack/profiles.ts';

/**
 * `npm run import:areas -- FILE.geojson [--code PROP] [--name PROP] [--icb PROP] [--default-icb TEXT] [--max-kb 50] [--dry-run]`
 * loads PCN boundaries into DATABASE_URL (default: the local stack, on SIGNPOST_PORT_OFFSET's ports).
 * Rebuild the site afterwards (npm start does) to see them on /areas.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    code: { type: 'string' },
    name: { type: 'string' },
    icb: { type: 'string' },
    'default-icb': { type: 'string' },
    'max-kb': { type: 'string', default: '50' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const file = positionals[0];
if (!file) {
  console.error(
    'Usage: npm run import:areas -- FILE.geojson [--code PROP] [--name PROP] [--icb PROP] [--default-icb TEXT] [--max-kb 50] [--dry-run]',
  );
  process.exit(2);
}
const maxKb = Number(values['max-kb']);
if (!(maxKb > 0)) throw new Error('--max-kb must be a number of kilobytes above 0');

let input: unknown;
try {
  input = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`Could not read ${file} as JSON: ${(error as Error).message}`);
  process.exit(1);
}
const mapping = {
  code: values.code ? [values.code] : defaultMapping.code,
  name: values.name ? [values.name] : defaultMapping.name,
  icb: values.icb ? [values.icb] : defaultMapping.icb,
};
const prepared = prepareAreas(input, mapping, {
  maxBytes: maxKb * 1000,
  ...(values['default-icb'] ? { defaultIcb: values['default-icb'] } : {}),
});
if (values['dry-run']) {
  console.log(formatImportReport({ ...prepared, added: [], updated: [] }, file, true));
} else {
  const { DATABASE_URL } = scriptConfig({ DATABASE_URL: stackEnv(profiles.local).DATABASE_URL, ...process.env });
  const report = await importAreas(DATABASE_URL, prepared);
  console.log(formatImportReport(report, file));
  process.exitCode = report.areas.length === 0 ? 1 : 0;
}
