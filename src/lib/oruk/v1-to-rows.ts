import { describeIssues } from '../errors.ts';
import { childId, type MappedRecord, RecordBundle } from './bundle.ts';
import { htmlToSafeText } from './html-to-safe-text.ts';
import { orukV1ServiceSchema, type OrukV1Schedule, type OrukV1Service } from './v1.ts';
import * as n from './normalise.ts';

export const importedTaxonomyId = (vocabulary: string | undefined) => `imported-${n.slug(vocabulary || 'categories')}`;

/** Maps one ORUK v1 service (list item or detail) to Signpost rows. */
export function mapOrukV1Service(raw: unknown): MappedRecord {
  const parsed = orukV1ServiceSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, id: undefined, name: undefined, reason: `not an ORUK service:\n${describeIssues(parsed.error)}` };
  }
  const s = parsed.data;
  const name = htmlToSafeText(s.name)?.replace(/\s+/g, ' ') ?? undefined;
  if (!s.id) return { ok: false, id: undefined, name, reason: 'missing id' };
  if (!name) return { ok: false, id: s.id, name: undefined, reason: 'missing name' };

  const b = new RecordBundle();
  const org = s.organization;
  if (org?.id && org.name?.trim()) {
    b.add(
      'organizations',
      {
        id: org.id,
        name: org.name,
        description: htmlToSafeText(org.description),
        url: n.normaliseUrl(org.url),
        email: n.normaliseEmail(org.email),
        logo: n.normaliseUrl(org.logo),
        uri: org.uri,
      },
      'organisation',
    );
  } else if (org) {
    b.warn('organisation left out: it has no id or no name');
  }
  const status = n.normaliseStatus(s.status);
  if (!status) b.warn(`status "${s.status}" is not one ORUK defines; treated as active`);
  const url = n.normaliseUrl(s.url);
  if (s.url?.trim() && !url) b.warn(`website "${s.url}" is not a web address; left out`);
  const email = n.normaliseEmail(s.email);
  if (s.email?.trim() && !email) b.warn(`email "${s.email}" is not an email address; left out`);
  const audience = s.pc_targetAudience.map((a) => a.audienceType?.trim()).filter(Boolean);
  const eligibility = s.eligibilitys[0];
  const accessNotes = [s.attending_access, s.pc_attendingAccess_additionalInfo].map((t) => t?.trim()).filter(Boolean);

  const serviceOk = b.add(
    'services',
    {
      id: s.id,
      organization_id: org?.id && b.catalogue.organizations.length ? org.id : null,
      name,
      description: htmlToSafeText(s.description),
      url,
      email,
      status: status ?? 'active',
      fees_description: s.fees,
      accreditations: s.accreditations,
      eligibility_description:
        [eligibility?.eligibility, audience.length ? `For: ${audience.join(', ')}` : undefined].filter(Boolean).join('\n') || null,
      application_process: accessNotes.join('\n') || null,
      minimum_age: eligibility?.minimum_age,
      maximum_age: eligibility?.maximum_age,
      assured_date: n.normaliseDate(s.assured_date) ?? n.normaliseDate(s.pc_metadata?.date_assured),
      assurer_email: n.normaliseEmail(s.pc_metadata?.assured_by) ?? s.pc_metadata?.assured_by,
      attending_types: n.attendingTypesFrom(s.attending_type),
      access_routes: n.accessRoutesFrom(s.attending_access),
      published: true,
      last_modified: n.normaliseTimestamp(s.pc_metadata?.date_modified),
    },
    'service',
  );
  if (!serviceOk) {
    const reason = b.warnings.at(-1)?.replace(/^service left out:\n/, '') ?? 'invalid service';
    return { ok: false, id: s.id, name, reason };
  }

  addDetailParts(b, { ...s, id: s.id });
  return { ok: true, id: s.id, name, catalogue: b.catalogue, warnings: b.warnings };
}

function addDetailParts(b: RecordBundle, s: OrukV1Service & { id: string }): void {
  s.service_at_locations.forEach((sal, i) => {
    const loc = sal.location;
    if (!loc) return b.warn(`place ${i + 1} has no location; left out`);
    const locationId = childId(s.id, 'location', i, loc.id);
    const address = loc.physical_addresses[0];
    const added = b.add(
      'locations',
      {
        id: locationId,
        name: loc.name,
        description: htmlToSafeText(loc.description),
        address_1: address?.address_1,
        city: address?.city,
        state_province: address?.state_province,
        postal_code: address?.postal_code,
        country: address?.country?.length === 2 ? address.country : 'GB',
        latitude: loc.latitude,
        longitude: loc.longitude,
        accessibility:
          loc.accessibility_for_disabilities
            .map((a) => a.accessibility)
            .filter(Boolean)
            .join('\n') || null,
      },
      `location ${i + 1}`,
    );
    if (!added) return;
    const salId = childId(s.id, 'service-at-location', i, sal.id);
    b.add('service_at_locations', { id: salId, service_id: s.id, location_id: locationId }, `place ${i + 1}`);
    sal.regular_schedules.forEach((r, j) => addSchedule(b, r, childId(salId, 'schedule', j, r.id), { service_at_location_id: salId }));
  });
  s.regular_schedules.forEach((r, j) => addSchedule(b, r, childId(s.id, 'schedule', j, r.id), { service_id: s.id }));
  s.cost_options.forEach((c, i) =>
    b.add(
      'cost_options',
      {
        id: childId(s.id, 'cost', i, c.id),
        service_id: s.id,
        valid_from: n.normaliseDate(c.valid_from),
        valid_to: n.normaliseDate(c.valid_to),
        option: c.option,
        amount: c.amount,
        amount_description: c.amount_description,
      },
      `cost ${i + 1}`,
    ),
  );
  s.contacts.forEach((c, i) => {
    const contactId = childId(s.id, 'contact', i, c.id);
    if (
      !b.add(
        'contacts',
        { id: contactId, service_id: s.id, name: c.name, title: c.title, email: n.normaliseEmail(c.email) },
        `contact ${i + 1}`,
      )
    )
      return;
    c.phones.forEach((p, j) =>
      b.add(
        'phones',
        { id: childId(contactId, 'phone', j, p.id), contact_id: contactId, number: p.number },
        `phone ${j + 1} of contact ${i + 1}`,
      ),
    );
  });
  s.languages.forEach((l, i) =>
    b.add('languages', { id: childId(s.id, 'language', i, l.id), service_id: s.id, name: l.language }, `language ${i + 1}`),
  );
  s.service_areas.forEach((a, i) =>
    b.add(
      'service_areas',
      { id: childId(s.id, 'area', i, a.id), service_id: s.id, name: a.service_area, uri: a.uri },
      `service area ${i + 1}`,
    ),
  );
  s.service_taxonomys.forEach((st, i) => {
    const t = st.taxonomy;
    if (!t?.id || !t.name) return b.warn(`category ${i + 1} has no id or name; left out`);
    const taxonomyId = importedTaxonomyId(t.vocabulary);
    b.add('taxonomies', { id: taxonomyId, name: t.vocabulary || 'Imported categories' }, `vocabulary of category ${i + 1}`);
    if (b.add('taxonomy_terms', { id: t.id, taxonomy_id: taxonomyId, name: t.name }, `category ${i + 1}`)) {
      b.add(
        'service_taxonomies',
        { id: childId(s.id, 'taxonomy', i, st.id), service_id: s.id, taxonomy_term_id: t.id },
        `category link ${i + 1}`,
      );
    }
  });
  // ORUK v1's deliverable_type ("Social activity", "1 to 1 support") has no 3.0 field; keeping it
  // as a category means curators can still filter on it and it survives export.
  const deliverable = s.deliverable_type?.trim();
  if (deliverable) {
    const termId = `deliverable-type-${n.slug(deliverable)}`;
    b.add('taxonomies', { id: deliverableTaxonomyId, name: 'ORUK v1 deliverable types' }, 'deliverable type vocabulary');
    b.add(
      'taxonomy_terms',
      { id: termId, taxonomy_id: deliverableTaxonomyId, code: n.slug(deliverable), name: deliverable },
      'deliverable type',
    );
    b.add(
      'service_taxonomies',
      { id: childId(s.id, 'deliverable-type', 0), service_id: s.id, taxonomy_term_id: termId },
      'deliverable type link',
    );
  }
}

const deliverableTaxonomyId = 'imported-oruk-v1-deliverable-types';

function addSchedule(b: RecordBundle, r: OrukV1Schedule, id: string, owner: object): void {
  const byday = n.normaliseByDay(r.byday);
  if (r.byday?.trim() && !byday) b.warn(`opening days "${r.byday}" could not be read; kept in the description`);
  b.add(
    'schedules',
    {
      id,
      ...owner,
      freq: n.normaliseFreq(r.freq),
      interval: r.interval,
      byday,
      bymonthday: r.bymonthday?.trim() || null,
      opens_at: n.normaliseTime(r.opens_at),
      closes_at: n.normaliseTime(r.closes_at),
      valid_from: n.normaliseDate(r.valid_from),
      valid_to: n.normaliseDate(r.valid_to),
      description: [r.description, r.byday?.trim() && !byday ? `Days: ${r.byday}` : undefined].filter(Boolean).join('\n') || null,
    },
    'opening time',
  );
}
