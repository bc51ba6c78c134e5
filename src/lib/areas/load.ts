import { z } from 'zod';
import { loadDirectoryIndex, type Need } from '../directory/load.ts';
import type { ListingSummary } from '../directory/summary.ts';
import type { LatLng } from '../geocoding/district-table.ts';
import { groupBy } from '../group-by.ts';
import { gpPracticeSchema } from '../schemas/gp-practice.ts';
import { pcnSchema, type Pcn } from '../schemas/pcn.ts';
import { teamPcnSchema } from '../schemas/team-pcn.ts';
import { teamSchema, type TeamKind } from '../schemas/team.ts';
import { supabaseClient } from '../supabase.ts';
import { SignpostError } from '../errors.ts';
import { contains } from './find-area.ts';
import { labelPoint } from './label-point.ts';
import { areaPath, placeName, referPath, townOf } from './place.ts';
import { loadUsualContactDays } from './responsiveness.ts';

export class AreasLoadError extends SignpostError {}

export interface AreaPractice {
  code: string;
  name: string;
  address: string | null;
  postcode: string | null;
  town: string | null;
}

export interface AreaTeam {
  kind: TeamKind;
  name: string;
  description: string | null;
  email: string | null;
  phone: string | null;
}

/** A published service with a venue inside the area, placed at that venue. */
export interface AreaService {
  id: string;
  name: string;
  summary: string;
  needs: { code: string; label: string }[];
  venue: string | null;
  town: string | null;
  point: LatLng;
}

export interface Area {
  code: string;
  name: string;
  icb: string;
  place: string;
  path: string;
  referPath: string;
  boundary: Pcn['boundary'];
  /** Where the map puts the area's pin: inside the boundary. */
  label: LatLng | null;
  towns: string[];
  teamDescription: string | null;
  email: string | null;
  phone: string | null;
  communityLinks: { label: string; url: string }[];
  selfReferralOpen: boolean;
  /** Median working days to first contact over the last 90 days; null with fewer than 5 contacts. */
  usualContactDays: number | null;
  teams: AreaTeam[];
  practices: AreaPractice[];
  services: AreaService[];
}

export interface Areas {
  areas: Area[];
  /** Areas grouped by place (the ICB's place name), places and areas in name order. */
  byPlace: { place: string; areas: Area[] }[];
}

async function read<T extends z.ZodType>(table: string, schema: T): Promise<z.infer<T>[]> {
  const { data, error } = await supabaseClient().from(table).select('*').limit(10_000);
  if (error) throw new AreasLoadError(`Could not read ${table}: ${error.message}`);
  const parsed = z.array(schema).safeParse(data);
  if (!parsed.success)
    throw new AreasLoadError(`${table} in the database does not match its schema: ${parsed.error.message.slice(0, 400)}`);
  return parsed.data;
}

function servicesInside(pcn: Pcn, entries: ListingSummary[], needs: Map<string, Need>): AreaService[] {
  if (!pcn.boundary) return [];
  const boundary = pcn.boundary;
  return entries.flatMap((entry) =>
    entry.points
      .filter((point) => contains(boundary, point))
      .slice(0, 1)
      .map((point) => ({
        id: entry.id,
        name: entry.name,
        summary: entry.summary,
        needs: entry.needs.flatMap((code) => {
          const need = needs.get(code);
          return need ? [{ code, label: need.label }] : [];
        }),
        venue: point.venue,
        town: point.town,
        point: { lat: point.lat, lng: point.lng },
      })),
  );
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en-GB');

let cached: Promise<Areas> | undefined;

/**
 * Every PCN area as the public sees it (anon key, so only public teams), with its practices, the
 * teams that serve it and the published services whose venue lies inside its boundary. Read once per build.
 */
export function loadAreas(): Promise<Areas> {
  cached ??= (async () => {
    const [pcns, practices, teams, teamPcns, directory, contactDays] = await Promise.all([
      read('pcns', pcnSchema),
      read('gp_practices', gpPracticeSchema),
      read('teams', teamSchema),
      read('team_pcns', teamPcnSchema),
      loadDirectoryIndex(),
      loadUsualContactDays(),
    ]);
    const needs = new Map(directory.needs.map((n) => [n.code, n]));
    const practicesByPcn = groupBy(practices, (p) => p.pcn_id);
    const teamById = new Map(teams.map((t) => [t.id, t]));
    const teamsByPcn = groupBy(teamPcns as (z.infer<typeof teamPcnSchema> & { id?: string })[], (tp) => tp.pcn_id);

    const areas = pcns
      .map((pcn): Area => {
        const areaPractices = (practicesByPcn.get(pcn.id) ?? [])
          .map((p) => ({
            code: p.code,
            name: p.name,
            address: p.address ?? null,
            postcode: p.postcode ?? null,
            town: townOf(p.address ?? null),
          }))
          .sort(byName);
        const towns = [...new Set(areaPractices.map((p) => p.town).filter((t): t is string => t !== null))].sort((a, b) =>
          a.localeCompare(b, 'en-GB'),
        );
        const areaTeams = (teamsByPcn.get(pcn.id) ?? [])
          .flatMap((tp) => {
            const team = teamById.get(tp.team_id);
            return team ? [team] : [];
          })
          .map((t) => ({
            kind: t.kind,
            name: t.name,
            description: t.description ?? null,
            email: t.contact_email ?? null,
            phone: t.contact_phone ?? null,
          }))
          .sort((a, b) => (a.kind === b.kind ? byName(a, b) : a.kind === 'pcn_link_workers' ? -1 : b.kind === 'pcn_link_workers' ? 1 : 0));
        return {
          code: pcn.code,
          name: pcn.name,
          icb: pcn.icb,
          place: placeName(pcn.icb),
          path: areaPath(pcn.code),
          referPath: referPath(pcn.code),
          boundary: pcn.boundary,
          label: pcn.boundary ? labelPoint(pcn.boundary) : null,
          towns,
          teamDescription: pcn.team_description ?? null,
          email: pcn.contact_email ?? null,
          phone: pcn.contact_phone ?? null,
          communityLinks: pcn.social_links,
          selfReferralOpen: pcn.self_referral_open,
          usualContactDays: contactDays.get(pcn.code) ?? null,
          teams: areaTeams,
          practices: areaPractices,
          services: servicesInside(pcn, directory.entries, needs),
        };
      })
      .sort(byName);
    const places = groupBy(areas as (Area & { id?: string })[], (a) => a.place);
    const byPlace = [...places.entries()]
      .map(([place, list]) => ({ place, areas: [...list].sort(byName) }))
      .sort((a, b) => a.place.localeCompare(b.place, 'en-GB'));
    return { areas, byPlace };
  })();
  return cached;
}
