import type { Catalogue } from '../schemas/catalogue.ts';
import { groupBy } from '../group-by.ts';
import type { Location } from '../schemas/location.ts';
import type { Service } from '../schemas/service.ts';
import type { Organization } from '../schemas/organization.ts';
import type { Taxonomy } from '../schemas/taxonomy.ts';
import type { TaxonomyTerm } from '../schemas/taxonomy-term.ts';
import { type HsdsAttribute, type HsdsPage, type HsdsService, type HsdsServiceInput, hsdsPageSchema, hsdsServiceSchema } from './hsds3.ts';
import { stableUuid, withoutNulls } from './stable-id.ts';
import { accessTaxonomy, accessTermId, attendingTaxonomy, attendingTermId } from './signpost-attributes.ts';

/** A taxonomy as ORUK 3.0 publishes it: the description is required, so an unknown one is sent empty. */
export function toHsdsTaxonomy(t: Taxonomy) {
  return { ...t, description: t.description ?? '' };
}

/** A taxonomy term with its taxonomy's name and details, when the taxonomy is known. */
export function toHsdsTaxonomyTerm(t: TaxonomyTerm, taxonomies: Map<string, Taxonomy>) {
  const taxonomy = t.taxonomy_id ? taxonomies.get(t.taxonomy_id) : undefined;
  return {
    id: t.id,
    code: t.code,
    name: t.name,
    // Required by ORUK 3.0 even when the publisher gave none.
    description: t.description ?? '',
    parent_id: t.parent_id,
    taxonomy: taxonomy?.name ?? null,
    taxonomy_id: t.taxonomy_id,
    language: t.language,
    term_uri: t.term_uri,
    taxonomy_detail: taxonomy ? toHsdsTaxonomy(taxonomy) : null,
  };
}

/** An organisation; ORUK 3.0 requires a description, so an unknown one is sent empty. */
export function toHsdsOrganization(org: Organization) {
  return {
    id: org.id,
    name: org.name,
    alternate_name: org.alternate_name,
    description: org.description ?? '',
    email: org.email,
    website: org.url,
    logo: org.logo,
    uri: org.uri,
  };
}

/** A place, with its folded-in address and accessibility unfolded into ORUK's arrays. */
export function toHsdsLocation(l: Location) {
  return {
    id: l.id,
    location_type: l.location_type,
    organization_id: l.organization_id,
    name: l.name,
    alternate_name: l.alternate_name,
    description: l.description,
    transportation: l.transportation,
    latitude: l.latitude,
    longitude: l.longitude,
    // ORUK 3.0 requires these address fields as strings; a field we do not know is sent empty.
    addresses:
      l.address_1 || l.city || l.postal_code
        ? [
            {
              id: stableUuid(`${l.id}:address`),
              location_id: l.id,
              address_1: l.address_1 ?? '',
              address_2: l.address_2,
              city: l.city ?? '',
              region: l.region,
              state_province: l.state_province ?? '',
              postal_code: l.postal_code ?? '',
              country: l.country,
              address_type: 'physical' as const,
            },
          ]
        : [],
    accessibility: l.accessibility ? [{ id: stableUuid(`${l.id}:accessibility`), location_id: l.id, description: l.accessibility }] : [],
  };
}

/**
 * Turns directory rows into ORUK 3.0 service documents, one per service, each complete on its
 * own (organisation, places, opening times, costs, contacts, languages, areas, needs). Children
 * are sorted by id so the same data always gives the same documents. Each document is checked
 * against the ORUK zod shapes unless `check` is false: the ORUK API skips that per-request
 * check (about a third of the mapping's time for a page of 50), since its answers are built by this same typed code
 * and its tests validate every endpoint against the ORUK 3.0 JSON schemas.
 */
export function toHsdsServices(c: Catalogue, { check = true }: { check?: boolean } = {}): HsdsService[] {
  const orgs = new Map(c.organizations.map((o) => [o.id, o]));
  const locations = new Map(c.locations.map((l) => [l.id, l]));
  const terms = new Map(c.taxonomy_terms.map((t) => [t.id, t]));
  const taxonomies = new Map(c.taxonomies.map((t) => [t.id, t]));
  const places = groupBy(c.service_at_locations, (r) => r.service_id);
  const serviceSchedules = groupBy(c.schedules, (r) => r.service_id);
  const placeSchedules = groupBy(c.schedules, (r) => r.service_at_location_id);
  const costs = groupBy(c.cost_options, (r) => r.service_id);
  const contacts = groupBy(c.contacts, (r) => r.service_id);
  const servicePhones = groupBy(c.phones, (r) => r.service_id);
  const contactPhones = groupBy(c.phones, (r) => r.contact_id);
  const languages = groupBy(c.languages, (r) => r.service_id);
  const areas = groupBy(c.service_areas, (r) => r.service_id);
  const needs = groupBy(c.service_taxonomies, (r) => r.service_id);

  const termDoc = (t: TaxonomyTerm) => toHsdsTaxonomyTerm(t, taxonomies);
  const fixedAttribute = (s: Service, termId: string, name: string, taxonomy: { id: string; name: string }): HsdsAttribute => ({
    id: stableUuid(`${s.id}:${termId}`),
    link_id: s.id,
    link_type: 'service',
    link_entity: 'service',
    taxonomy_term_id: termId,
    taxonomy_term: {
      id: termId,
      code: termId,
      name,
      description: `${taxonomy.name}: ${name}`,
      taxonomy: taxonomy.name,
      taxonomy_id: taxonomy.id,
    },
  });

  return [...c.services]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((s) => {
      const org = s.organization_id ? orgs.get(s.organization_id) : undefined;
      const doc = {
        id: s.id,
        // A service of an organisation that is not public (a curator keeps it hidden) names none,
        // so the document never points at an organisation it does not carry.
        organization_id: org ? s.organization_id : null,
        name: s.name,
        alternate_name: s.alternate_name,
        description: s.description,
        url: s.url,
        email: s.email,
        status: s.status,
        application_process: s.application_process,
        fees_description: s.fees_description,
        accreditations: s.accreditations,
        eligibility_description: s.eligibility_description,
        minimum_age: s.minimum_age,
        maximum_age: s.maximum_age,
        assured_date: s.assured_date,
        assurer_email: s.assurer_email,
        last_modified: s.last_modified ?? s.updated_at ?? null,
        organization: org ? toHsdsOrganization(org) : null,
        service_at_locations: (places.get(s.id) ?? []).flatMap((p) => {
          const l = locations.get(p.location_id);
          return l
            ? [
                {
                  id: p.id,
                  service_id: s.id,
                  location_id: l.id,
                  description: p.description,
                  location: toHsdsLocation(l),
                  schedules: placeSchedules.get(p.id) ?? [],
                },
              ]
            : [];
        }),
        schedules: serviceSchedules.get(s.id) ?? [],
        cost_options: costs.get(s.id) ?? [],
        contacts: (contacts.get(s.id) ?? []).map((ct) => ({ ...ct, phones: contactPhones.get(ct.id) ?? [] })),
        phones: servicePhones.get(s.id) ?? [],
        languages: languages.get(s.id) ?? [],
        service_areas: (areas.get(s.id) ?? []).map((a) => ({ ...a, extent: a.extent ? JSON.stringify(a.extent) : null })),
        attributes: [
          ...s.attending_types.map((t) => fixedAttribute(s, attendingTermId(t), t, attendingTaxonomy)),
          ...s.access_routes.map((r) => fixedAttribute(s, accessTermId(r), r, accessTaxonomy)),
          ...(needs.get(s.id) ?? []).flatMap((link) => {
            const term = terms.get(link.taxonomy_term_id);
            return term
              ? [
                  {
                    id: link.id,
                    link_id: s.id,
                    link_type: 'service',
                    link_entity: 'service',
                    taxonomy_term_id: term.id,
                    taxonomy_term: termDoc(term),
                  },
                ]
              : [];
          }),
        ],
      };
      const document = withoutNulls(doc) satisfies HsdsServiceInput;
      return check ? hsdsServiceSchema.parse(document) : document;
    });
}

/** The whole dataset as one ORUK 3.0 `/services` page. */
export function toHsdsPage(services: HsdsService[]): HsdsPage {
  return hsdsPageSchema.parse({
    total_items: services.length,
    total_pages: 1,
    page_number: 1,
    size: services.length,
    first_page: true,
    last_page: true,
    empty: services.length === 0,
    contents: services,
  });
}
