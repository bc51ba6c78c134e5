import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleData } from '../sample-data/index.ts';
import { mergeCatalogues } from './bundle.ts';
import { toHsdsServices } from './export-mapping.ts';
import { mapOrukV1Service } from './v1-to-rows.ts';

/**
 * Required fields per object, copied from the ORUK/HSDS 3.0 JSON schemas
 * (openreferral/specification, branch 3.0, schema/*.json), so a change to our export that
 * breaks the standard fails here without needing the schemas at test time.
 */
const required: Record<string, string[]> = {
  service: ['id', 'name', 'status'],
  organization: ['id', 'name', 'description'],
  location: ['id', 'location_type'],
  address: ['id', 'address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type'],
  taxonomy_term: ['id', 'name', 'description'],
  taxonomy: ['id', 'name', 'description'],
  phone: ['id', 'number'],
};
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Signpost's own vocabularies keep readable slug ids (documented deviation from uuid format). */
const slugIdKeys = new Set(['taxonomy_term_id', 'taxonomy_id']);

type Problem = string;
function check(value: unknown, kind: string, path: string, problems: Problem[]): void {
  if (value === null) problems.push(`${path} is null`);
  if (!value || typeof value !== 'object') return;
  if (Array.isArray(value)) return value.forEach((item, i) => check(item, kind, `${path}[${i}]`, problems));
  const record = value as Record<string, unknown>;
  for (const field of required[kind] ?? []) if (typeof record[field] !== 'string') problems.push(`${path}.${field} missing`);
  for (const [key, v] of Object.entries(record)) {
    const isTaxonomyObject = kind === 'taxonomy_term' || kind === 'taxonomy';
    if ((key === 'id' || key.endsWith('_id')) && typeof v === 'string' && !slugIdKeys.has(key) && !isTaxonomyObject && !uuid.test(v)) {
      problems.push(`${path}.${key} is not a uuid: ${v}`);
    }
    const child = {
      organization: 'organization',
      location: 'location',
      addresses: 'address',
      taxonomy_term: 'taxonomy_term',
      taxonomy_detail: 'taxonomy',
      phones: 'phone',
    }[key];
    check(v, child ?? key, `${path}.${key}`, problems);
  }
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../../shared/fixtures/oruk/north-lincolnshire-services.json', import.meta.url), 'utf8'),
) as unknown[];

describe('conformance of our ORUK 3.0 export', () => {
  it('has no nulls, every required field, and uuid ids for the sample data', () => {
    const problems: Problem[] = [];
    toHsdsServices(sampleData.catalogue).forEach((d, i) => check(d, 'service', `services[${i}]`, problems));
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('has no nulls and every required field for the North Lincolnshire services', () => {
    const rows = mergeCatalogues(
      fixture.map((r) => {
        const mapped = mapOrukV1Service(r);
        if (!mapped.ok) throw new Error(mapped.reason);
        return mapped.catalogue;
      }),
    );
    const problems: Problem[] = [];
    toHsdsServices(rows).forEach((d, i) => check(d, 'service', `services[${i}]`, problems));
    expect(problems.slice(0, 10)).toEqual([]);
  });
});
