import { z } from 'zod';
import { type Catalogue, type CatalogueInput, catalogueSchema } from '../schemas/catalogue.ts';
import { gpPracticeSchema } from '../schemas/gp-practice.ts';
import { pcnSchema } from '../schemas/pcn.ts';
import { teamPcnSchema } from '../schemas/team-pcn.ts';
import { teamSchema } from '../schemas/team.ts';
import { sampleAreas } from './areas.ts';
import { allTemplates, buildServices, type Placement } from './build-services.ts';
import { buildPlaces } from './places.ts';
import { seededRandom } from './prng.ts';
import { VenueBook } from './venues.ts';

/**
 * FICTIONAL SAMPLE DATA. Every organisation, service, person, phone number (Ofcom's drama
 * ranges), email and web address here is invented; only town names, postcode districts and
 * rough coordinates are real. Defined once and validated here; the seed, integration tests and
 * end-to-end tests all use this same data.
 */
export const SAMPLE_DATA_MARKER = 'FICTIONAL SAMPLE DATA';

export const samplePlacesSchema = z.object({
  pcns: z.array(pcnSchema),
  practices: z.array(gpPracticeSchema),
  teams: z.array(teamSchema),
  teamPcns: z.array(teamPcnSchema),
});

export type SampleData = { catalogue: Catalogue; places: z.infer<typeof samplePlacesSchema> };

/** Templates that describe an area-wide service (a helpline, a council team) rather than a local group. */
const isAreaWide = (key: string) => {
  const t = allTemplates.find((x) => x.key === key);
  return t !== undefined && key !== 'shopping-help' && (t.venue === null || t.venue === 'office');
};
const mainTowns = new Set(["King's Lynn", 'Norwich', 'Bishop Auckland', 'Darlington', 'Mansfield']);

export function buildSampleData(seed = 20261122): SampleData {
  const r = seededRandom(seed);
  const places = samplePlacesSchema.parse(buildPlaces(r));
  const placements: Placement[] = [];
  const townTemplates = allTemplates.filter((t) => !isAreaWide(t.key));
  for (const area of sampleAreas) {
    const towns = area.pcns.flatMap((p) => p.towns);
    for (const template of allTemplates.filter((t) => isAreaWide(t.key))) {
      placements.push({ town: towns[0]!, areaName: area.name, areaKey: area.key, template });
    }
    for (const town of towns) {
      const chosen = mainTowns.has(town.name) ? townTemplates : r.sample(townTemplates, r.int(12, 13));
      for (const template of chosen) placements.push({ town, areaName: area.name, areaKey: area.key, template });
    }
  }
  const rows: CatalogueInput = {};
  const venues = new VenueBook(r);
  buildServices(r, placements, rows, new Map(), venues);
  rows.locations = venues.locations;
  return { catalogue: catalogueSchema.parse(rows), places };
}

/** The sample data, built once per process. */
export const sampleData: SampleData = buildSampleData();
