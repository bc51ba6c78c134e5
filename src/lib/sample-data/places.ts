import type { GpPracticeInput } from '../schemas/gp-practice.ts';
import type { PcnInput } from '../schemas/pcn.ts';
import type { TeamInput } from '../schemas/team.ts';
import type { TeamPcn } from '../schemas/team-pcn.ts';
import { hexagonAround, sampleAreas } from './areas.ts';
import type { Random } from './prng.ts';
import { fakePostcode } from './venues.ts';

/** FICTIONAL SAMPLE DATA: PCNs, GP practices and the teams that serve them. */
const practiceNames = [
  'Riverside Surgery',
  'The Orchard Medical Practice',
  'Market Square Surgery',
  'Abbey Lane Health Centre',
  'Station Road Surgery',
  'The Willows Medical Centre',
  'Hillside Family Practice',
  'Parkview Surgery',
  'Elm Tree Medical Centre',
  'The Old Forge Surgery',
  'Meadowbank Practice',
  'Castle View Medical Group',
];
const odsPrefix: Record<string, string> = {
  'west-norfolk': 'D9',
  'south-norfolk-norwich': 'D8',
  'durham-dales': 'A9',
  darlington: 'A8',
  mansfield: 'C9',
};

export type SamplePlaces = { pcns: PcnInput[]; practices: GpPracticeInput[]; teams: TeamInput[]; teamPcns: TeamPcn[] };

export function buildPlaces(r: Random): SamplePlaces {
  const places: SamplePlaces = { pcns: [], practices: [], teams: [], teamPcns: [] };
  const pcnIdsByArea = new Map<string, string[]>();
  let practiceNumber = 0;
  for (const area of sampleAreas) {
    for (const pcn of area.pcns) {
      const id = r.uuid();
      pcnIdsByArea.set(area.key, [...(pcnIdsByArea.get(area.key) ?? []), id]);
      const slug = pcn.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/-$/, '');
      places.pcns.push({
        id,
        code: pcn.code,
        name: pcn.name,
        icb: area.icb,
        boundary: { type: 'Polygon', coordinates: [pcn.boundary ?? hexagonAround(pcn.towns)] },
        team_description:
          `Our social prescribing link workers help anyone aged 18 or over registered with a ${pcn.name.replace(' PCN', '')} practice. ` +
          'We spend time finding out what matters to you, then help with housing, money, loneliness, emotional wellbeing and physical health by connecting you to local groups and services.',
        contact_email: `link.workers@${slug}.example.org`,
        contact_phone: `01632 961${String(r.int(0, 999)).padStart(3, '0')}`,
        social_links: [{ label: `${pcn.name} community page`, url: `https://community.example.org/${slug}` }],
        self_referral_open: pcn.selfReferralOpen,
      });
      const practices = r.sample(practiceNames, r.int(4, 5));
      for (const [index, name] of practices.entries()) {
        const town = pcn.towns[index % pcn.towns.length]!;
        practiceNumber++;
        places.practices.push({
          id: r.uuid(),
          code: `${odsPrefix[area.key]}${String(practiceNumber).padStart(4, '0')}`,
          name: index === 0 ? `${town.name} Medical Centre` : name,
          pcn_id: id,
          address: `${r.int(1, 90)} ${r.pick(['High Street', 'Church Road', 'London Road', 'North Street'])}, ${town.name}`,
          postcode: fakePostcode(r, r.pick(town.postcodeDistricts)),
          latitude: Number((town.lat + (r.next() - 0.5) * 0.015).toFixed(5)),
          longitude: Number((town.lng + (r.next() - 0.5) * 0.02).toFixed(5)),
        });
      }
      const teamId = r.uuid();
      places.teams.push({
        id: teamId,
        kind: 'pcn_link_workers',
        name: `${pcn.name} Link Workers`,
        description: `Social prescribing link workers employed by ${pcn.name}.`,
        contact_email: `link.workers@${slug}.example.org`,
      });
      places.teamPcns.push({ team_id: teamId, pcn_id: id });
    }
  }
  const addTeam = (team: Omit<TeamInput, 'id'>, areaKey: string) => {
    const id = r.uuid();
    places.teams.push({ id, ...team });
    for (const pcnId of pcnIdsByArea.get(areaKey) ?? []) places.teamPcns.push({ team_id: id, pcn_id: pcnId });
  };
  addTeam(
    {
      kind: 'vcse_social_prescribing',
      name: 'West Norfolk Community Connectors',
      description:
        'A council-commissioned voluntary-sector social prescribing service working as one team with the PCN link workers: one triage of referrals and shared caseloads, with extra time for people with dementia.',
      contact_email: 'connectors@west-norfolk.example.org',
    },
    'west-norfolk',
  );
  addTeam(
    {
      kind: 'vcse_social_prescribing',
      name: 'Darlington Wellbeing Navigators',
      description: 'Wellbeing navigators from four local charities, taking referrals from GP practices across the town.',
      contact_email: 'navigators@darlington.example.org',
    },
    'darlington',
  );
  addTeam(
    {
      kind: 'hospital_discharge',
      name: "King's Lynn Hospital Housing Team",
      description:
        'District council housing officers based at the hospital, resolving the housing problems that delay discharge, with a small fund to pay for work the same day.',
      contact_email: 'hospital.housing@west-norfolk.example.org',
      is_public: false,
    },
    'west-norfolk',
  );
  addTeam(
    {
      kind: 'hospital_discharge',
      name: 'Mansfield Home from Hospital Team',
      description:
        'A council team inside the hospital: 24-hour response, housekeeping, small repairs such as grab rails, and companionship.',
      contact_email: 'home.from.hospital@mansfield.example.org',
      is_public: false,
    },
    'mansfield',
  );
  return places;
}
