import { describeIssues } from '../errors.ts';
import type { AccessRoute, AttendingType } from '../schemas/service.ts';
import { childId, type MappedRecord, RecordBundle } from './bundle.ts';
import { htmlToSafeText } from './html-to-safe-text.ts';
import { type HsdsLocation, type HsdsSchedule, hsdsServiceSchema } from './hsds3.ts';
import * as n from './normalise.ts';
import { accessRouteForTerm, attendingTypeForTerm } from './signpost-attributes.ts';

/** Maps one ORUK 3.0 (HSDS 3.0 UK) service document to Signpost rows. */
export function mapHsdsService(raw: unknown): MappedRecord {
  const record = raw as { id?: unknown; name?: unknown } | null;
  const id = typeof record?.id === 'string' ? record.id : undefined;
  const rawName = typeof record?.name === 'string' ? record.name : undefined;
  if (!id) return { ok: false, id: undefined, name: rawName, reason: 'missing id' };
  if (!rawName?.trim()) return { ok: false, id, name: undefined, reason: 'missing name' };
  const parsed = hsdsServiceSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, id, name: rawName, reason: `does not match ORUK 3.0:\n${describeIssues(parsed.error)}` };
  }
  const s = parsed.data;
  const b = new RecordBundle();
  const org = s.organization;
  if (org) {
    b.add('organizations', { ...org, url: org.website ?? null, description: htmlToSafeText(org.description) }, 'organisation');
  }
  const attending: AttendingType[] = [];
  const access: AccessRoute[] = [];
  const needs = (s.attributes ?? []).filter((a) => {
    const type = attendingTypeForTerm(a.taxonomy_term_id);
    const route = accessRouteForTerm(a.taxonomy_term_id);
    if (type) attending.push(type);
    if (route) access.push(route);
    return !type && !route;
  });
  const serviceOk = b.add(
    'services',
    {
      ...s,
      organization_id: org && b.catalogue.organizations.length ? org.id : (s.organization_id ?? null),
      name: rawName.trim(),
      description: htmlToSafeText(s.description),
      attending_types: attending,
      access_routes: access,
      published: true,
      last_modified: n.normaliseTimestamp(s.last_modified ?? undefined),
    },
    'service',
  );
  if (!serviceOk) {
    return { ok: false, id, name: rawName, reason: b.warnings.at(-1)?.replace(/^service left out:\n/, '') ?? 'invalid service' };
  }

  (s.service_at_locations ?? []).forEach((sal, i) => {
    if (!sal.location) return b.warn(`place ${i + 1} has no location; left out`);
    if (!addLocation(b, sal.location)) return;
    b.add(
      'service_at_locations',
      { id: sal.id, service_id: id, location_id: sal.location.id, description: sal.description },
      `place ${i + 1}`,
    );
    (sal.schedules ?? []).forEach((r) => addSchedule(b, r, { service_at_location_id: sal.id }));
  });
  (s.schedules ?? []).forEach((r) => addSchedule(b, r, { service_id: id }));
  (s.cost_options ?? []).forEach((c, i) => b.add('cost_options', { ...c, service_id: id }, `cost ${i + 1}`));
  (s.contacts ?? []).forEach((c, i) => {
    if (!b.add('contacts', { ...c, service_id: id }, `contact ${i + 1}`)) return;
    (c.phones ?? []).forEach((p, j) => b.add('phones', { ...p, contact_id: c.id, service_id: null }, `phone ${j + 1} of contact ${i + 1}`));
  });
  (s.phones ?? []).forEach((p, i) => b.add('phones', { ...p, service_id: id, contact_id: null }, `phone ${i + 1}`));
  (s.languages ?? []).forEach((l, i) => b.add('languages', { ...l, service_id: id }, `language ${i + 1}`));
  (s.service_areas ?? []).forEach((a, i) =>
    b.add('service_areas', { ...a, service_id: id, extent: parseExtent(a.extent) }, `service area ${i + 1}`),
  );
  needs.forEach((a, i) => {
    const term = a.taxonomy_term;
    if (term) {
      const taxonomy = term.taxonomy_detail;
      if (taxonomy) b.add('taxonomies', taxonomy, `vocabulary of need ${i + 1}`);
      b.add('taxonomy_terms', { ...term, taxonomy_id: term.taxonomy_id ?? taxonomy?.id ?? null }, `need ${i + 1}`);
    }
    b.add(
      'service_taxonomies',
      { id: childId(id, 'taxonomy', i, a.id), service_id: id, taxonomy_term_id: a.taxonomy_term_id },
      `need link ${i + 1}`,
    );
  });
  return { ok: true, id, name: rawName.trim(), catalogue: b.catalogue, warnings: b.warnings };
}

function addLocation(b: RecordBundle, l: HsdsLocation): boolean {
  const address = (l.addresses ?? []).find((a) => a.address_type === 'physical') ?? l.addresses?.[0];
  return b.add(
    'locations',
    {
      ...l,
      address_1: address?.address_1,
      address_2: address?.address_2,
      city: address?.city,
      region: address?.region,
      state_province: address?.state_province,
      postal_code: address?.postal_code,
      country: address?.country?.length === 2 ? address.country : 'GB',
      accessibility:
        (l.accessibility ?? [])
          .map((a) => a.description ?? a.details)
          .filter(Boolean)
          .join('\n') || null,
    },
    `location ${l.id}`,
  );
}

function addSchedule(b: RecordBundle, r: HsdsSchedule, owner: object): void {
  b.add(
    'schedules',
    {
      ...r,
      service_id: null,
      service_at_location_id: null,
      ...owner,
      byday: n.normaliseByDay(r.byday ?? undefined) ?? null,
      opens_at: n.normaliseTime(r.opens_at ?? undefined),
      closes_at: n.normaliseTime(r.closes_at ?? undefined),
      valid_from: n.normaliseDate(r.valid_from ?? undefined),
      valid_to: n.normaliseDate(r.valid_to ?? undefined),
    },
    `opening time ${r.id}`,
  );
}

/** HSDS carries the extent as text; GeoJSON is stored as JSON so maps can use it directly. */
function parseExtent(extent: string | null | undefined): Record<string, unknown> | null {
  if (!extent) return null;
  try {
    const value: unknown = JSON.parse(extent);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
