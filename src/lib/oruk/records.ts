import type { MappedRecord } from './bundle.ts';
import { mapHsdsService } from './hsds3-to-rows.ts';
import { mapOrukV1Service } from './v1-to-rows.ts';

export type SourceFormat = 'oruk-v1' | 'hsds-3';

/**
 * HSDS 3.0 documents carry `schedules`, `attributes` or `addresses`; v1 documents carry
 * `regular_schedules`, `service_taxonomys` or an `organization` without `organization_id`.
 * Anything else is read as v1, the older and more common shape.
 */
export function detectFormat(record: unknown): SourceFormat {
  if (!record || typeof record !== 'object') return 'oruk-v1';
  const r = record as Record<string, unknown>;
  if ('regular_schedules' in r || 'service_taxonomys' in r || 'pc_metadata' in r) return 'oruk-v1';
  if ('attributes' in r || 'schedules' in r || 'last_modified' in r || 'organization_id' in r) return 'hsds-3';
  const sals = Array.isArray(r.service_at_locations) ? (r.service_at_locations as Record<string, unknown>[]) : [];
  const location = sals[0]?.location as Record<string, unknown> | undefined;
  return location && 'addresses' in location ? 'hsds-3' : 'oruk-v1';
}

/** Finds the service records in a document: an array, a v1 page, a 3.0 page or one service. */
export function recordsIn(document: unknown): unknown[] {
  if (Array.isArray(document)) return document;
  if (document && typeof document === 'object') {
    const d = document as Record<string, unknown>;
    if (Array.isArray(d.content)) return d.content;
    if (Array.isArray(d.contents)) return d.contents;
    return [document];
  }
  return [document];
}

export function mapRecord(record: unknown): MappedRecord & { format: SourceFormat } {
  const format = detectFormat(record);
  return { ...(format === 'hsds-3' ? mapHsdsService(record) : mapOrukV1Service(record)), format };
}
