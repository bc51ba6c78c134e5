import type { CatalogueInput } from '../schemas/catalogue.ts';
import type { ServiceStatus } from '../schemas/service.ts';
import type { Town } from './areas.ts';
import type { Random } from './prng.ts';
import { practicalTemplates } from './templates/practical.ts';
import { socialTemplates } from './templates/social.ts';
import type { ServiceTemplate, When } from './templates/types.ts';
import { wellbeingTemplates } from './templates/wellbeing.ts';
import { VenueBook } from './venues.ts';

/** FICTIONAL SAMPLE DATA: turns service templates into directory rows for given towns. */
export const allTemplates: ServiceTemplate[] = [...socialTemplates, ...practicalTemplates, ...wellbeingTemplates];

/** The day the sample data pretends it is, so verification ages never drift between runs. */
export const sampleReferenceDate = '2026-11-01';

export type Placement = { town: Town; areaName: string; areaKey: string; template: ServiceTemplate };

const days = ['MO', 'TU', 'WE', 'TH', 'FR'];

function schedulePattern(r: Random, when: When): { freq: 'WEEKLY' | 'MONTHLY'; byday: string; interval?: number; description?: string } {
  switch (when) {
    case 'weekly':
      return { freq: 'WEEKLY', byday: r.pick(days) };
    case 'twice weekly': {
      const [a, b] = r.sample([0, 1, 2, 3, 4], 2).sort();
      return { freq: 'WEEKLY', byday: `${days[a ?? 0]},${days[b ?? 3]}` };
    }
    case 'fortnightly':
      return { freq: 'WEEKLY', interval: 2, byday: r.pick(days), description: 'Every other week; phone to check dates.' };
    case 'monthly':
      return { freq: 'MONTHLY', byday: `${r.int(1, 4)}${r.pick(days)}` };
    case 'weekdays':
      return { freq: 'WEEKLY', byday: days.join(',') };
    case 'by appointment':
      return { freq: 'WEEKLY', byday: days.join(','), description: 'By appointment only.' };
  }
}

function daysBefore(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
}

function pickStatus(r: Random): ServiceStatus {
  const roll = r.next();
  return roll < 0.88 ? 'active' : roll < 0.93 ? 'temporarily closed' : roll < 0.98 ? 'inactive' : 'defunct';
}

/** Verification spread: most checked recently, some within the year, some stale, some never. */
function pickAssuredDate(r: Random): string | null {
  const roll = r.next();
  if (roll < 0.6) return daysBefore(sampleReferenceDate, r.int(1, 89));
  if (roll < 0.8) return daysBefore(sampleReferenceDate, r.int(90, 364));
  if (roll < 0.9) return daysBefore(sampleReferenceDate, r.int(365, 900));
  return null;
}

const fill = (text: string, p: Placement, venue?: string) =>
  text
    .replaceAll('{town}', p.town.name)
    .replaceAll('{area}', p.areaName)
    .replaceAll('{venue}', venue ?? p.town.name);
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Appends one service per placement to `out`, sharing organisations and venues by name. */
export function buildServices(
  r: Random,
  placements: Placement[],
  out: CatalogueInput,
  orgIds: Map<string, string>,
  venues: VenueBook,
): void {
  const push = <K extends keyof CatalogueInput>(table: K, row: NonNullable<CatalogueInput[K]>[number]) => {
    ((out[table] ??= []) as unknown[]).push(row);
  };
  for (const p of placements) {
    const t = p.template;
    const venue = t.venue ? venues.venue(p.town, t.venue) : undefined;
    const name = fill(r.pick(t.names), p, venue?.name ?? undefined);
    const orgName = fill(t.organisation, p);
    let organizationId = orgIds.get(orgName);
    if (!organizationId) {
      organizationId = r.uuid();
      orgIds.set(orgName, organizationId);
      push('organizations', {
        id: organizationId,
        name: orgName,
        email: `hello@${slug(orgName)}.example.org`,
        url: `https://${slug(orgName)}.example.org/`,
        description: `${orgName} is a fictional organisation in Signpost's sample data.`,
      });
    }
    const rest = r
      .sample(
        t.description.slice(1).map((s, i) => ({ s, i })),
        r.int(2, 3),
      )
      .sort((a, b) => a.i - b.i);
    const sentences = [t.description[0] ?? '', ...rest.map((x) => x.s)].map((s) => fill(s, p, venue?.name ?? undefined));
    const description =
      sentences.length > 3 ? `${sentences.slice(0, 2).join(' ')}\n\n${sentences.slice(2).join(' ')}` : sentences.join(' ');
    const id = r.uuid();
    const status = pickStatus(r);
    const assuredDate = pickAssuredDate(r);
    push('services', {
      id,
      organization_id: organizationId,
      name,
      description,
      status,
      url: `https://${slug(orgName)}.example.org/${slug(name)}`,
      email: r.chance(0.7) ? `${slug(t.key)}@${slug(orgName)}.example.org` : null,
      minimum_age: t.minAge ?? null,
      maximum_age: t.maxAge ?? null,
      eligibility_description: t.eligibility ? fill(t.eligibility, p) : null,
      application_process: t.access.includes('drop in')
        ? 'Just turn up; you do not need to book.'
        : 'Phone or email to arrange a first conversation.',
      fees_description: t.cost ? null : 'Free',
      attending_types: t.attending,
      access_routes: t.access,
      assured_date: assuredDate,
      assurer_email: assuredDate ? 'directory.team@signpost.example.org' : null,
      // A few drafts, so "only published listings are public" has something to hide.
      published: !r.chance(0.03),
      last_modified: `${daysBefore(sampleReferenceDate, r.int(0, 500))}T09:00:00.000Z`,
    });
    const pattern = schedulePattern(r, t.when);
    const [opens, closes] = r.pick(t.hours);
    const owner = venue
      ? (() => {
          const salId = r.uuid();
          push('service_at_locations', { id: salId, service_id: id, location_id: venue.id });
          return { service_at_location_id: salId };
        })()
      : { service_id: id };
    push('schedules', {
      id: r.uuid(),
      ...owner,
      ...pattern,
      opens_at: opens,
      closes_at: closes,
      valid_from: status === 'temporarily closed' ? daysBefore(sampleReferenceDate, -r.int(20, 90)) : null,
    });
    push(
      'cost_options',
      t.cost
        ? { id: r.uuid(), service_id: id, option: t.cost.option, amount: t.cost.amount, amount_description: t.cost.description ?? null }
        : { id: r.uuid(), service_id: id, option: 'Free', amount: 0 },
    );
    const contactId = r.uuid();
    push('contacts', {
      id: contactId,
      service_id: id,
      name: r.pick(['Sam', 'Priya', 'Jo', 'Ade', 'Morag', 'Tomasz', 'Bev', 'Kieran']),
      title: r.pick(['Coordinator', 'Project worker', 'Volunteer lead']),
    });
    push('phones', { id: r.uuid(), service_id: id, number: `01632 960${String(r.int(0, 999)).padStart(3, '0')}`, type: 'voice' });
    if (r.chance(0.3))
      push('phones', { id: r.uuid(), contact_id: contactId, number: `07700 900${String(r.int(0, 999)).padStart(3, '0')}`, type: 'cell' });
    push('languages', { id: r.uuid(), service_id: id, name: 'English', code: 'en' });
    if (r.chance(0.15)) {
      const [language, code] = r.pick([
        ['Polish', 'pl'],
        ['Lithuanian', 'lt'],
        ['Portuguese', 'pt'],
        ['Romanian', 'ro'],
        ['British Sign Language', 'bfi'],
      ] as const);
      push('languages', { id: r.uuid(), service_id: id, name: language, code, note: 'Interpreter available if you ask when booking' });
    }
    push('service_areas', { id: r.uuid(), service_id: id, name: t.venue === null ? p.areaName : p.town.name });
    for (const need of t.needs) push('service_taxonomies', { id: r.uuid(), service_id: id, taxonomy_term_id: need });
  }
}
