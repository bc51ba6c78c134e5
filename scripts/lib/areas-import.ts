import simplify from '@turf/simplify';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { connect } from '../../src/lib/oruk/db.ts';
import { areaGeometrySchema, type AreaGeometry } from '../../src/lib/schemas/geojson.ts';

/**
 * `npm run import:areas`: PCN boundaries from a GeoJSON FeatureCollection into the catalogue's
 * pcns table, so a deployment can use its own areas. Each boundary is simplified until it is at
 * most `maxBytes` of GeoJSON (the map ships it to the browser); a feature that cannot be used is
 * rejected with its reason and the rest still load.
 */

/** Which feature property holds each field: the first of the names that the feature has. */
export interface PropertyMapping {
  code: string[];
  name: string[];
  icb: string[];
}

export const defaultMapping: PropertyMapping = {
  code: ['code', 'pcn_code', 'PCN_CODE', 'PCN_Code', 'PCN22CD', 'PCN23CD', 'PCN24CD', 'ods_code', 'ODS_CODE'],
  name: ['name', 'pcn_name', 'PCN_NAME', 'PCN_Name', 'PCN22NM', 'PCN23NM', 'PCN24NM'],
  icb: ['icb', 'icb_name', 'ICB_NAME', 'ICB22NM', 'ICB23NM', 'ICB24NM'],
};

export interface PreparedArea {
  feature: number;
  code: string;
  name: string;
  icb: string | null;
  boundary: AreaGeometry;
  bytes: number;
  originalBytes: number;
}

export interface Rejection {
  feature: number;
  label: string;
  reason: string;
}

export interface Prepared {
  total: number;
  areas: PreparedArea[];
  rejected: Rejection[];
}

const bytesOf = (geometry: unknown) => Buffer.byteLength(JSON.stringify(geometry));

function pick(properties: Record<string, unknown>, names: string[]): string | null {
  for (const name of names) {
    const value = properties[name];
    if (typeof value === 'string' && value.trim()) return value.trim();
    if (typeof value === 'number') return String(value);
  }
  return null;
}

function round(geometry: Polygon | MultiPolygon, decimals: number): Polygon | MultiPolygon {
  const factor = 10 ** decimals;
  const r = (n: number) => Math.round(n * factor) / factor;
  const ring = (positions: number[][]) => positions.map((p) => [r(p[0]!), r(p[1]!)]);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
}

function allPositions(geometry: Polygon | MultiPolygon): number[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);
}

/** Rounds to 6 decimals (about 10 cm), then simplifies with a growing tolerance until the boundary fits. */
function fit(geometry: Polygon | MultiPolygon, maxBytes: number): Polygon | MultiPolygon | null {
  let current = round(geometry, 6);
  if (bytesOf(current) <= maxBytes) return current;
  current = round(geometry, 5);
  for (let tolerance = 0.00001; tolerance < 0.1; tolerance *= 1.5) {
    if (bytesOf(current) <= maxBytes) return current;
    current = round(simplify(geometry, { tolerance, highQuality: true, mutate: false }), 5);
  }
  return bytesOf(current) <= maxBytes ? current : null;
}

/** Checks and simplifies every feature of a FeatureCollection; pure, so it can be tried without a database. */
export function prepareAreas(
  input: unknown,
  mapping: PropertyMapping = defaultMapping,
  options: { maxBytes?: number; defaultIcb?: string } = {},
): Prepared {
  const maxBytes = options.maxBytes ?? 50_000;
  const collection = input as { type?: unknown; features?: unknown };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new Error('The file is not a GeoJSON FeatureCollection (an object with "type": "FeatureCollection" and a "features" list).');
  }
  const features = collection.features as Partial<Feature>[];
  const areas: PreparedArea[] = [];
  const rejected: Rejection[] = [];
  const seen = new Map<string, number>();

  for (const [index, feature] of features.entries()) {
    const number = index + 1;
    const properties = (feature?.properties ?? {}) as Record<string, unknown>;
    const code = pick(properties, mapping.code)?.toUpperCase() ?? null;
    const name = pick(properties, mapping.name);
    const label = [code, name].filter(Boolean).join(' ') || '(no code or name)';
    const reject = (reason: string) => void rejected.push({ feature: number, label, reason });

    if (!code) {
      reject(`has no code: expected a property named ${mapping.code.join(', ')} (set another with --code)`);
      continue;
    }
    if (!/^[A-Z0-9]{3,8}$/.test(code)) {
      reject(`code "${code}" is not an ODS code (3 to 8 letters and digits, for example U12345)`);
      continue;
    }
    if (!name) {
      reject(`has no name: expected a property named ${mapping.name.join(', ')} (set another with --name)`);
      continue;
    }
    if (seen.has(code)) {
      reject(`code ${code} is already used by feature ${seen.get(code)}`);
      continue;
    }
    const geometry = feature?.geometry;
    if (!geometry) {
      reject('has no geometry');
      continue;
    }
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
      reject(`is a ${geometry.type}, not a Polygon or MultiPolygon`);
      continue;
    }
    if (allPositions(geometry).some(([x, y]) => !(Math.abs(x!) <= 180 && Math.abs(y!) <= 90))) {
      reject('has coordinates that are not longitude and latitude (convert it to WGS84, EPSG:4326, first)');
      continue;
    }
    const originalBytes = bytesOf(geometry);
    const fitted = fit(geometry, maxBytes);
    if (!fitted) {
      reject(`cannot be simplified to ${Math.round(maxBytes / 1000)} KB without losing its shape`);
      continue;
    }
    const checked = areaGeometrySchema.safeParse(fitted);
    if (!checked.success) {
      reject(`has an invalid boundary: ${checked.error.issues[0]?.message ?? 'unknown problem'}`);
      continue;
    }
    seen.set(code, number);
    const icb = pick(properties, mapping.icb) ?? options.defaultIcb ?? null;
    areas.push({ feature: number, code, name, icb, boundary: checked.data, bytes: bytesOf(checked.data), originalBytes });
  }
  return { total: features.length, areas, rejected };
}

export interface ImportReport extends Prepared {
  added: string[];
  updated: string[];
}

/** Writes prepared areas: updates PCNs that exist (by code), adds the others; a new PCN needs its ICB. */
export async function importAreas(databaseUrl: string, prepared: Prepared): Promise<ImportReport> {
  const client = await connect(databaseUrl);
  const report: ImportReport = { ...prepared, rejected: [...prepared.rejected], areas: [], added: [], updated: [] };
  try {
    await client.query('begin');
    for (const area of prepared.areas) {
      const existing = await client.query<{ icb: string }>('select icb from public.pcns where code = $1', [area.code]);
      if (existing.rowCount) {
        await client.query('update public.pcns set name = $2, icb = coalesce($3, icb), boundary = $4 where code = $1', [
          area.code,
          area.name,
          area.icb,
          JSON.stringify(area.boundary),
        ]);
        report.updated.push(area.code);
      } else if (!area.icb) {
        report.rejected.push({
          feature: area.feature,
          label: `${area.code} ${area.name}`,
          reason: 'is a new PCN with no ICB: add an ICB property (see --icb) or give one with --default-icb',
        });
        continue;
      } else {
        await client.query('insert into public.pcns (code, name, icb, boundary) values ($1, $2, $3, $4)', [
          area.code,
          area.name,
          area.icb,
          JSON.stringify(area.boundary),
        ]);
        report.added.push(area.code);
      }
      report.areas.push(area);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
  report.rejected.sort((a, b) => a.feature - b.feature);
  return report;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

export function formatImportReport(report: ImportReport, source: string, dryRun = false): string {
  const lines = [
    `Read ${report.total} ${report.total === 1 ? 'feature' : 'features'} from ${source}.`,
    dryRun
      ? `Would load ${report.areas.length} ${report.areas.length === 1 ? 'area' : 'areas'} (dry run: nothing written).`
      : `Loaded ${report.areas.length} ${report.areas.length === 1 ? 'area' : 'areas'}: ${report.added.length} new, ${report.updated.length} updated.`,
    ...report.areas.map(
      (a) => `  ${a.code} ${a.name}: ${kb(a.bytes)}${a.bytes < a.originalBytes ? ` (simplified from ${kb(a.originalBytes)})` : ''}`,
    ),
  ];
  if (report.rejected.length) {
    lines.push(`Rejected ${report.rejected.length}:`);
    for (const r of report.rejected) lines.push(`  feature ${r.feature} (${r.label}) ${r.reason}`);
  }
  return lines.join('\n');
}
