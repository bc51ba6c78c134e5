import { z } from 'zod';
import { organizationSchema, type Organization } from '../schemas/organization.ts';
import { locationSchema, type Location } from '../schemas/location.ts';
import { scheduleSchema, type Schedule, type ScheduleInput } from '../schemas/schedule.ts';
import { serviceSchema, type Service } from '../schemas/service.ts';
import type { SessionClient } from '../supabase-session.ts';
import { fieldProblems, type FieldProblem } from './report.ts';

/**
 * The curator's side of the directory in the staff workspace: every read and write goes through
 * the curator's own session, so row level security (is_curator(), aal2 only) decides; the history
 * trigger records each change with the curator's email.
 */
export class CurationError extends Error {
  readonly problems: FieldProblem[];
  constructor(message: string, problems: FieldProblem[] = []) {
    super(message);
    this.name = 'CurationError';
    this.problems = problems;
  }
}

const failed = (what: string, error: { message: string } | null) => {
  if (error) throw new CurationError(`${what} did not work: ${error.message}. Nothing was lost: try again in a minute.`);
};

/** What a listing's edit screen shows: the service, its own opening times and its places. */
export interface ServiceRecord {
  service: Service & { hidden_reason: string | null };
  schedules: Schedule[];
  places: { id: string; location: Location }[];
}

export async function loadService(client: SessionClient, id: string): Promise<ServiceRecord> {
  const { data, error } = await client
    .from('services')
    .select('*, schedules(*), service_at_locations(id, location:locations(*))')
    .eq('id', id)
    .maybeSingle<Record<string, unknown>>();
  failed('Loading the listing', error);
  if (!data) throw new CurationError('That listing does not exist, or you cannot see it.');
  const places = z.array(z.object({ id: z.string(), location: locationSchema })).parse(data.service_at_locations);
  return {
    service: {
      ...serviceSchema.parse(data),
      hidden_reason: z
        .string()
        .nullable()
        .parse(data.hidden_reason ?? null),
    },
    schedules: z.array(scheduleSchema).parse(data.schedules),
    places,
  };
}

/** Saves the listing's own fields after the shared schema accepts them; returns the problems otherwise. */
export async function saveService(client: SessionClient, input: unknown, isNew = false): Promise<Service> {
  const parsed = serviceSchema.safeParse(input);
  if (!parsed.success) throw new CurationError('Check the listing', fieldProblems(parsed.error));
  const { created_at: _c, updated_at: _u, last_modified: _l, ...row } = parsed.data;
  const result = isNew
    ? await client.from('services').insert(row).select('*').single()
    : await client.from('services').update(row).eq('id', row.id).select('*').single();
  failed('Saving the listing', result.error);
  return serviceSchema.parse(result.data);
}

/**
 * Replaces a service's own opening times with the edited set: rows kept by id are updated (so the
 * history shows what changed), new ones added, removed ones deleted.
 */
export async function saveSchedules(client: SessionClient, serviceId: string, edited: ScheduleInput[], before: Schedule[]): Promise<void> {
  const problems: FieldProblem[] = [];
  const rows: Schedule[] = [];
  edited.forEach((input, index) => {
    const parsed = scheduleSchema.safeParse({ ...input, service_id: serviceId, service_at_location_id: null });
    if (parsed.success) rows.push(parsed.data);
    else
      for (const p of fieldProblems(parsed.error))
        problems.push({ field: `schedule-${index}-${p.field}`, message: `Opening time ${index + 1}: ${p.message}` });
  });
  if (problems.length) throw new CurationError('Check the opening times', problems);
  const kept = new Set(rows.map((r) => r.id));
  const removed = before.filter((s) => s.service_id === serviceId && !kept.has(s.id)).map((s) => s.id);
  if (removed.length) failed('Removing old opening times', (await client.from('schedules').delete().in('id', removed)).error);
  if (rows.length) failed('Saving the opening times', (await client.from('schedules').upsert(rows)).error);
}

/** "Mark as checked": a person confirmed the listing today. */
export async function markChecked(client: SessionClient, id: string, assurer: string): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  failed(
    'Marking the listing as checked',
    (await client.from('services').update({ assured_date: today, assurer_email: assurer }).eq('id', id)).error,
  );
}

export async function setPublished(client: SessionClient, id: string, published: boolean): Promise<void> {
  failed(published ? 'Publishing' : 'Unpublishing', (await client.from('services').update({ published }).eq('id', id)).error);
}

/** Archiving keeps the listing and its history: it stops running (defunct) and leaves the public site. */
export async function archiveService(client: SessionClient, id: string): Promise<void> {
  failed('Archiving', (await client.from('services').update({ status: 'defunct', published: false }).eq('id', id)).error);
}

export const historyEntrySchema = z.object({
  id: z.string(),
  resource_type: z.string(),
  resource_id: z.string(),
  field_name: z.string(),
  previous_value: z.string().nullable(),
  replacement_value: z.string().nullable(),
  updated_by: z.string(),
  last_action_date: z.string(),
  last_action_type: z.enum(['create', 'update', 'delete']),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export async function loadHistory(client: SessionClient, resourceType: string, id: string): Promise<HistoryEntry[]> {
  const { data, error } = await client
    .from('change_history')
    .select('id, resource_type, resource_id, field_name, previous_value, replacement_value, updated_by, last_action_date, last_action_type')
    .eq('resource_type', resourceType)
    .eq('resource_id', id)
    .order('last_action_date', { ascending: false })
    .limit(100);
  failed('Loading the history', error);
  return z.array(historyEntrySchema).parse(data);
}

/** The history keeps values as text; a restored value takes the type the field has now. */
export function restoredValue(current: unknown, text: string | null): unknown {
  if (text === null) return null;
  if (Array.isArray(current)) return JSON.parse(text) as unknown;
  if (typeof current === 'boolean') return text === 'true';
  if (typeof current === 'number') return Number(text);
  return text;
}

/** Puts an earlier value of one field back, through the same schema as any edit. */
export async function restoreServiceField(client: SessionClient, service: Service, entry: HistoryEntry): Promise<Service> {
  const field = entry.field_name as keyof Service;
  if (!(field in service)) throw new CurationError(`The field “${entry.field_name}” can no longer be restored here.`);
  return saveService(client, { ...service, [field]: restoredValue(service[field], entry.previous_value) });
}

export async function searchServices(client: SessionClient, words: string) {
  let query = client.from('services').select('id, name, published, status, assured_date').order('name').limit(50);
  if (words.trim()) query = query.ilike('name', `%${words.trim().replace(/[%_,()]/g, ' ')}%`);
  const { data, error } = await query;
  failed('Searching the listings', error);
  return z
    .array(z.object({ id: z.string(), name: z.string(), published: z.boolean(), status: z.string(), assured_date: z.string().nullable() }))
    .parse(data);
}

export async function loadOrganisations(client: SessionClient): Promise<Organization[]> {
  const { data, error } = await client.from('organizations').select('*').order('name').limit(1000);
  failed('Loading the organisations', error);
  return z.array(organizationSchema).parse(data);
}

export async function saveOrganisation(client: SessionClient, input: unknown, isNew: boolean): Promise<Organization> {
  const parsed = organizationSchema.safeParse(input);
  if (!parsed.success) throw new CurationError('Check the organisation', fieldProblems(parsed.error));
  const { created_at: _c, updated_at: _u, ...row } = parsed.data;
  const result = isNew
    ? await client.from('organizations').insert(row).select('*').single()
    : await client.from('organizations').update(row).eq('id', row.id).select('*').single();
  failed('Saving the organisation', result.error);
  return organizationSchema.parse(result.data);
}

export async function saveLocation(client: SessionClient, input: unknown, isNew: boolean): Promise<Location> {
  const parsed = locationSchema.safeParse(input);
  if (!parsed.success) throw new CurationError('Check the place', fieldProblems(parsed.error));
  const { created_at: _c, updated_at: _u, ...row } = parsed.data;
  const result = isNew
    ? await client.from('locations').insert(row).select('*').single()
    : await client.from('locations').update(row).eq('id', row.id).select('*').single();
  failed('Saving the place', result.error);
  return locationSchema.parse(result.data);
}

/** Places already in the directory, found by name, street, town or postcode, to add to another listing. */
export async function searchPlaces(client: SessionClient, words: string): Promise<Location[]> {
  // PostgREST's or= list: commas, brackets and quotes would end the value, so they become spaces.
  const text = words.replace(/[%_,()*"\\]/g, ' ').trim();
  if (!text) return [];
  const like = `"%${text}%"`;
  const { data, error } = await client
    .from('locations')
    .select('*')
    .or(['name', 'address_1', 'city', 'postal_code'].map((column) => `${column}.ilike.${like}`).join(','))
    .order('name')
    .limit(20);
  failed('Finding places', error);
  return z.array(locationSchema).parse(data);
}

export async function linkPlace(client: SessionClient, serviceId: string, locationId: string): Promise<void> {
  failed('Adding the place', (await client.from('service_at_locations').insert({ service_id: serviceId, location_id: locationId })).error);
}

export async function unlinkPlace(client: SessionClient, placeId: string): Promise<void> {
  failed('Removing the place', (await client.from('service_at_locations').delete().eq('id', placeId)).error);
}

export const newId = () => crypto.randomUUID();
