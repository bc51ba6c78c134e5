import type { Catalogue } from '../schemas/catalogue.ts';
import { groupBy } from '../group-by.ts';
import { describeSchedule } from './schedule-text.ts';
import { classifyNeeds } from '../search/classify-needs.ts';

/** The taxonomy whose terms are Signpost needs; any other taxonomy's terms are a source's own categories. */
export const needsTaxonomyId = 'signpost-needs';

type ScheduleRow = Catalogue['schedules'][number];

/** A published service as a resident reads it: plain values, ready to render or index. */
export interface Listing {
  id: string;
  name: string;
  organisation: { id: string; name: string; url: string | null } | null;
  paragraphs: string[];
  summary: string;
  status: Catalogue['services'][number]['status'];
  /**
   * Signpost needs: those a curator linked, or else those told from the service's categories and
   * words (classify-needs.ts), so services from a feed that knows nothing of needs have them too.
   */
  needs: { code: string; label: string; synonyms: string[] }[];
  /** True when the needs were told from the service's words rather than linked by a person. */
  needsInferred: boolean;
  /** Names of the source's own categories (e.g. imported ORUK taxonomy terms); never needs. */
  categories: string[];
  locations: {
    name: string | null;
    address: string[];
    postcode: string | null;
    town: string | null;
    latitude: number | null;
    longitude: number | null;
    accessibility: string | null;
    transportation: string | null;
  }[];
  times: string[];
  /** The opening times as the source gave them, for "open now" and "on a day". */
  sessions: Pick<ScheduleRow, 'freq' | 'interval' | 'byday' | 'bymonthday' | 'opens_at' | 'closes_at' | 'valid_from' | 'valid_to'>[];
  costs: string[];
  free: boolean;
  accessRoutes: string[];
  attendingTypes: string[];
  eligibility: string | null;
  howToAccess: string | null;
  ages: string | null;
  phones: { number: string; label: string | null }[];
  email: string | null;
  url: string | null;
  languages: string[];
  areas: string[];
  assuredDate: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
}

function summarise(text: string, max = 180): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

function agesText(min: number | null | undefined, max: number | null | undefined): string | null {
  if (min != null && max != null) return `Ages ${min} to ${max}`;
  if (min != null) return `Aged ${min} and over`;
  if (max != null) return `Aged ${max} and under`;
  return null;
}

function money(amount: number): string {
  return Number.isInteger(amount) ? `£${amount}` : `£${amount.toFixed(2)}`;
}

/** Joins the catalogue's tables into one listing per published service, in name order. */
export function buildListings(c: Catalogue): Listing[] {
  const organisations = new Map(c.organizations.map((o) => [o.id, o]));
  const locations = new Map(c.locations.map((l) => [l.id, l]));
  const termsById = new Map(c.taxonomy_terms.map((t) => [t.id, t]));
  const sals = groupBy(c.service_at_locations, (s) => s.service_id);
  const salService = new Map(c.service_at_locations.map((s) => [s.id, s.service_id]));
  const salPlace = new Map(
    c.service_at_locations.map((s) => {
      const l = locations.get(s.location_id);
      return [s.id, l?.name ?? l?.address_1 ?? undefined];
    }),
  );
  const schedules = groupBy(
    c.schedules,
    (s) => s.service_id ?? (s.service_at_location_id ? salService.get(s.service_at_location_id) : null),
  );
  const costs = groupBy(c.cost_options, (o) => o.service_id);
  const contactService = new Map(c.contacts.map((ct) => [ct.id, ct.service_id]));
  const phones = groupBy(c.phones, (p) => p.service_id ?? (p.contact_id ? contactService.get(p.contact_id) : null));
  const languages = groupBy(c.languages, (l) => l.service_id);
  const areas = groupBy(c.service_areas, (a) => a.service_id);
  const needs = groupBy(c.service_taxonomies, (t) => t.service_id);
  const needTerms = c.taxonomy_terms.filter((t) => t.taxonomy_id === needsTaxonomyId);
  const needByCode = new Map(needTerms.map((t) => [t.code ?? t.id, t]));
  const asNeed = (t: Catalogue['taxonomy_terms'][number]) => ({
    code: t.code ?? t.id,
    label: t.resident_label ?? t.name,
    synonyms: t.synonyms,
  });

  return c.services
    .filter((s) => s.published)
    .map((s): Listing => {
      const org = s.organization_id ? organisations.get(s.organization_id) : undefined;
      const description = s.description?.trim() ?? '';
      const serviceCosts = costs.get(s.id) ?? [];
      const costLines = serviceCosts
        .map((o) => {
          const head = [o.option, o.amount != null && o.amount > 0 ? money(o.amount) : null].filter(Boolean).join(' ');
          return o.amount_description ? `${head} (${o.amount_description})` : head;
        })
        .filter(Boolean);
      const terms = (needs.get(s.id) ?? []).flatMap((link) => {
        const term = termsById.get(link.taxonomy_term_id);
        return term ? [term] : [];
      });
      const linked = terms.filter((t) => t.taxonomy_id === needsTaxonomyId);
      // Delivery types ("Social activity") and other vocabularies are categories, never needs.
      const categories = terms
        .filter((t) => t.taxonomy_id !== needsTaxonomyId && !t.taxonomy_id?.endsWith('deliverable-types'))
        .map((t) => t.name);
      const inferred = linked.length
        ? []
        : classifyNeeds({
            name: s.name,
            categories,
            organisation: org?.name,
            description,
            eligibility: s.eligibility_description,
          }).flatMap((code) => {
            const term = needByCode.get(code);
            return term ? [term] : [];
          });
      const serviceSchedules = schedules.get(s.id) ?? [];
      return {
        id: s.id,
        name: s.name,
        needs: (linked.length ? linked : inferred).map(asNeed),
        needsInferred: linked.length === 0 && inferred.length > 0,
        categories,
        organisation: org ? { id: org.id, name: org.name, url: org.url ?? null } : null,
        paragraphs: description
          ? description
              .split(/\n\s*\n/)
              .map((p) => p.trim())
              .filter(Boolean)
          : [],
        summary: summarise(description),
        status: s.status,
        locations: (sals.get(s.id) ?? []).flatMap((sal) => {
          const l = locations.get(sal.location_id);
          if (!l || l.location_type === 'virtual') return [];
          return [
            {
              name: l.name ?? null,
              address: [l.address_1, l.address_2, l.city].filter((x): x is string => Boolean(x)),
              postcode: l.postal_code ?? null,
              town: l.city ?? null,
              latitude: l.latitude ?? null,
              longitude: l.longitude ?? null,
              accessibility: l.accessibility ?? null,
              transportation: l.transportation ?? null,
            },
          ];
        }),
        times: serviceSchedules.flatMap((schedule) => {
          const text = describeSchedule(schedule);
          if (!text) return [];
          // Times kept on one of several places say which: "Every Tuesday, 10am to midday, at the library".
          const place = schedule.service_at_location_id ? salPlace.get(schedule.service_at_location_id) : undefined;
          return [place && (sals.get(s.id)?.length ?? 0) > 1 ? `${text}, at ${place}` : text];
        }),
        sessions: serviceSchedules.map((r) => ({
          freq: r.freq,
          interval: r.interval,
          byday: r.byday,
          bymonthday: r.bymonthday,
          opens_at: r.opens_at,
          closes_at: r.closes_at,
          valid_from: r.valid_from,
          valid_to: r.valid_to,
        })),
        costs: costLines.length ? costLines : s.fees_description ? [s.fees_description] : [],
        free: serviceCosts.length > 0 ? serviceCosts.every((o) => !o.amount) : /^free\b/i.test(s.fees_description ?? ''),
        accessRoutes: s.access_routes,
        attendingTypes: s.attending_types,
        eligibility: s.eligibility_description ?? null,
        howToAccess: s.application_process ?? null,
        ages: agesText(s.minimum_age, s.maximum_age),
        phones: (phones.get(s.id) ?? []).map((p) => ({ number: p.number, label: p.description ?? null })),
        email: s.email ?? null,
        url: s.url ?? null,
        languages: [...new Set((languages.get(s.id) ?? []).map((l) => l.name).filter((n): n is string => Boolean(n)))],
        areas: (areas.get(s.id) ?? []).map((a) => a.name).filter((n): n is string => Boolean(n)),
        assuredDate: s.assured_date ?? null,
        minimumAge: s.minimum_age ?? null,
        maximumAge: s.maximum_age ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}
