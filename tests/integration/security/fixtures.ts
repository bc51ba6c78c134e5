import { randomUUID } from 'node:crypto';
import type { Table } from './expectations.ts';
import { type Caller, makeCallers, makeUsers, query, type Role, roles } from './roles.ts';

/**
 * The rows the row-level security matrix reads and writes, made as postgres before the checks:
 * for each table some rows the public may see and some it may not, one fresh row per caller
 * for each update and delete cell (so cells can run at once), and spare parents for inserts.
 * Text ids carry this run's prefix and uuids are remembered, so `removeWorld` leaves nothing.
 */
const run = randomUUID().slice(0, 8);
export const prefix = `rlsm-${run}-`;
let counter = 0;
const textId = (label: string) => `${prefix}${label}-${++counter}`;
const slug = (role: Role) => role.replace(/ /g, '-');
// Codes follow the ODS-like checks (a letter and digits); a random start and a counter keep them
// apart within a run, and the letters keep them apart from the sample data's.
let codeCounter = Math.floor(Math.random() * 50_000);
const uniqueCode = (letter: string, digits: number) => letter + String(++codeCounter).padStart(digits, '0');

type Row = Record<string, unknown>;

/** One statement per set of columns, so a column a row leaves out keeps its default. */
async function insert(table: string, rows: Row[]): Promise<void> {
  const byColumns = new Map<string, Row[]>();
  for (const row of rows) {
    const columns = Object.keys(row)
      .map((c) => `"${c}"`)
      .join(', ');
    byColumns.set(columns, [...(byColumns.get(columns) ?? []), row]);
  }
  for (const [columns, group] of byColumns)
    await query(
      `insert into public.${table} (${columns}) select ${columns} from jsonb_populate_recordset(null::public.${table}, $1::jsonb)`,
      [JSON.stringify(group)],
    );
}

export interface World {
  callers: Record<Role, Caller>;
  /** Fixture rows of each table by its key column: which the public may see and which not. */
  rows: Record<Table, { public: string[]; hidden: string[] }>;
  /** One row per caller for each update and delete cell, by key. */
  targets: Record<Table, Record<'update' | 'delete', Record<Role, string>>>;
  published: string;
  draft: string;
  taxonomy: string;
  term2: string;
  pcn: string;
  pcn2: string;
  teams: { team: string; otherTeam: string; hidden: string };
  practice: string;
  /** Spare parents for inserts, one per caller, so two allowed inserts never collide. */
  spare: { locations: string[]; terms: string[]; pcns: string[]; users: string[]; teams: string[] };
  uuids: string[];
  userIds: string[];
  /** For 'own' and 'team' outcomes: which fixture rows (by key) each caller should see. */
  own: Partial<Record<Table, Partial<Record<Role, string[]>>>>;
  team: Partial<Record<Table, Partial<Record<Role, string[]>>>>;
  /** The referral each resident owns (the messages' insert row names it), and one for staff. */
  referrals: Partial<Record<Role, string>> & { ofTeam: string };
}

/** How the matrix touches one table: its key, a row to add, a change to make, fresh targets. */
export interface TableCase {
  key: string;
  insert(w: World, role: Role): Row;
  patch(w: World, role: Role): { column: string; value: string };
  targets(w: World, count: number): Promise<string[]>;
}

const uuid = (w: World) => {
  const id = randomUUID();
  w.uuids.push(id);
  return id;
};

/** Targets that are plain rows of a directory table, all attached to the published service. */
function directoryTargets(table: string, row: (w: World) => Row) {
  return async (w: World, count: number) => {
    const rows = Array.from({ length: count }, () => ({ id: textId(table), ...row(w) }));
    await insert(table, rows);
    return rows.map((r) => r.id);
  };
}

const ofPublished = (w: World) => ({ service_id: w.published });

/**
 * Services of their own with an ORUK document each (published or not, as asked): no other
 * fixture touches them, so no change queued for the search index deletes their documents.
 */
async function documentedServices(published: boolean[]): Promise<{ id: string; published: boolean }[]> {
  const services = published.map((p) => ({ id: textId('documented-service'), name: 'Documented service', published: p }));
  await insert('services', services);
  await insert(
    'oruk_service_documents',
    services.map((s) => ({ service_id: s.id, document: { id: s.id } })),
  );
  return services;
}

export const cases: Record<Table, TableCase> = {
  organizations: {
    key: 'id',
    insert: (_w, role) => ({ id: textId(`org-by-${slug(role)}`), name: 'Organisation added in the matrix' }),
    patch: (_w, role) => ({ column: 'alternate_name', value: `changed by ${role}` }),
    targets: directoryTargets('organizations', () => ({ name: 'Target organisation', visibility: 'always' })),
  },
  services: {
    key: 'id',
    insert: (_w, role) => ({ id: textId(`service-by-${slug(role)}`), name: 'Service added in the matrix' }),
    patch: (_w, role) => ({ column: 'alternate_name', value: `changed by ${role}` }),
    targets: directoryTargets('services', () => ({ name: 'Target service', published: true })),
  },
  locations: {
    key: 'id',
    insert: (_w, role) => ({ id: textId(`location-by-${slug(role)}`), name: 'Venue added in the matrix' }),
    patch: (_w, role) => ({ column: 'alternate_name', value: `changed by ${role}` }),
    targets: directoryTargets('locations', () => ({ name: 'Target venue', visibility: 'always' })),
  },
  service_at_locations: {
    key: 'id',
    insert: (w, role) => ({
      id: textId(`place-by-${slug(role)}`),
      service_id: w.published,
      location_id: w.spare.locations[roles.indexOf(role)],
    }),
    patch: (_w, role) => ({ column: 'description', value: `changed by ${role}` }),
    targets: async (w, count) => {
      const venues = Array.from({ length: count }, () => ({ id: textId('target-venue'), name: 'Target venue', visibility: 'always' }));
      await insert('locations', venues);
      const places = venues.map((v) => ({ id: textId('place'), service_id: w.published, location_id: v.id }));
      await insert('service_at_locations', places);
      return places.map((p) => p.id);
    },
  },
  schedules: {
    key: 'id',
    insert: (w, role) => ({ id: textId(`schedule-by-${slug(role)}`), ...ofPublished(w), freq: 'WEEKLY', byday: 'SA' }),
    patch: (_w, role) => ({ column: 'description', value: `changed by ${role}` }),
    targets: directoryTargets('schedules', (w) => ({ ...ofPublished(w), freq: 'WEEKLY', byday: 'MO' })),
  },
  cost_options: {
    key: 'id',
    insert: (w, role) => ({ id: textId(`cost-by-${slug(role)}`), ...ofPublished(w), option: 'Session' }),
    patch: (_w, role) => ({ column: 'amount_description', value: `changed by ${role}` }),
    targets: directoryTargets('cost_options', (w) => ({ ...ofPublished(w), option: 'Target' })),
  },
  contacts: {
    key: 'id',
    insert: (w, role) => ({ id: textId(`contact-by-${slug(role)}`), ...ofPublished(w), name: 'Added contact' }),
    patch: (_w, role) => ({ column: 'title', value: `changed by ${role}` }),
    targets: directoryTargets('contacts', (w) => ({ ...ofPublished(w), name: 'Target contact' })),
  },
  phones: {
    key: 'id',
    insert: (w, role) => ({ id: textId(`phone-by-${slug(role)}`), ...ofPublished(w), number: '01632 960 001' }),
    patch: (_w, role) => ({ column: 'description', value: `changed by ${role}` }),
    targets: directoryTargets('phones', (w) => ({ ...ofPublished(w), number: '01632 960 002' })),
  },
  languages: {
    key: 'id',
    insert: (w, role) => ({ id: textId(`language-by-${slug(role)}`), ...ofPublished(w), name: 'Welsh', code: 'cy' }),
    patch: (_w, role) => ({ column: 'note', value: `changed by ${role}` }),
    targets: directoryTargets('languages', (w) => ({ ...ofPublished(w), name: 'Polish', code: 'pl' })),
  },
  service_areas: {
    key: 'id',
    insert: (w, role) => ({ id: textId(`area-by-${slug(role)}`), ...ofPublished(w), name: 'Added area' }),
    patch: (_w, role) => ({ column: 'description', value: `changed by ${role}` }),
    targets: directoryTargets('service_areas', (w) => ({ ...ofPublished(w), name: 'Target area' })),
  },
  taxonomies: {
    key: 'id',
    insert: (_w, role) => ({ id: textId(`taxonomy-by-${slug(role)}`), name: 'Added taxonomy' }),
    patch: (_w, role) => ({ column: 'description', value: `changed by ${role}` }),
    targets: directoryTargets('taxonomies', () => ({ name: 'Target taxonomy' })),
  },
  taxonomy_terms: {
    key: 'id',
    insert: (w, role) => ({ id: textId(`term-by-${slug(role)}`), taxonomy_id: w.taxonomy, name: 'Added term' }),
    patch: (_w, role) => ({ column: 'description', value: `changed by ${role}` }),
    targets: directoryTargets('taxonomy_terms', (w) => ({ taxonomy_id: w.taxonomy, name: 'Target term' })),
  },
  service_taxonomies: {
    key: 'id',
    insert: (w, role) => ({
      id: textId(`need-by-${slug(role)}`),
      service_id: w.published,
      taxonomy_term_id: w.spare.terms[roles.indexOf(role)],
    }),
    // The link has no free-text column: a change moves it to another term.
    patch: (w) => ({ column: 'taxonomy_term_id', value: w.term2 }),
    targets: async (w, count) => {
      const services = Array.from({ length: count }, () => ({ id: textId('target-service'), name: 'Target service', published: true }));
      await insert('services', services);
      const links = services.map((s) => ({ id: textId('need'), service_id: s.id, taxonomy_term_id: w.rows.taxonomy_terms.public[0] }));
      await insert('service_taxonomies', links);
      return links.map((l) => l.id);
    },
  },
  change_history: {
    key: 'id',
    insert: (w) => ({ resource_id: w.published, resource_type: 'services', updated_by: 'forger', last_action_type: 'update' }),
    patch: () => ({ column: 'updated_by', value: 'forger' }),
    targets: (w, count) =>
      Promise.resolve(Array.from({ length: count }, (_, i) => w.rows.change_history.hidden[i % w.rows.change_history.hidden.length]!)),
  },
  directory_counts: {
    key: 'id',
    insert: (_w, role) => ({ id: textId(`count-by-${slug(role)}`), count: 1 }),
    patch: () => ({ column: 'count', value: '999' }),
    targets: directoryTargets('directory_counts', () => ({ count: 0 })),
  },
  oruk_service_documents: {
    key: 'service_id',
    insert: (w) => ({ service_id: w.published, document: { id: w.published } }),
    patch: () => ({ column: 'document', value: '{"forged":true}' }),
    targets: async (_w, count) => (await documentedServices(Array.from({ length: count }, () => true))).map((d) => d.id),
  },
  search_outbox: {
    key: 'id',
    insert: (w) => ({ service_id: w.published }),
    patch: () => ({ column: 'service_id', value: 'forged' }),
    targets: async (w, count) =>
      (
        await query<{ id: string }>(
          `insert into public.search_outbox (service_id) select $1 from generate_series(1, $2::int) returning id::text as id`,
          [w.published, count],
        )
      ).map((r) => r.id),
  },
  pcns: {
    key: 'id',
    insert: (w) => ({ id: uuid(w), code: uniqueCode('R', 6), name: 'Added PCN', icb: 'Test ICB' }),
    patch: (_w, role) => ({ column: 'team_description', value: `changed by ${role}` }),
    targets: async (w, count) => {
      const rows = Array.from({ length: count }, () => ({ id: uuid(w), code: uniqueCode('R', 6), name: 'Target PCN', icb: 'Test ICB' }));
      await insert('pcns', rows);
      return rows.map((r) => r.id);
    },
  },
  gp_practices: {
    key: 'id',
    insert: (w) => ({ id: uuid(w), code: uniqueCode('Y', 5), name: 'Added Surgery', pcn_id: w.pcn }),
    patch: (_w, role) => ({ column: 'address', value: `changed by ${role}` }),
    targets: async (w, count) => {
      const rows = Array.from({ length: count }, () => ({ id: uuid(w), code: uniqueCode('Y', 5), name: 'Target Surgery', pcn_id: w.pcn }));
      await insert('gp_practices', rows);
      return rows.map((r) => r.id);
    },
  },
  teams: {
    key: 'id',
    insert: (w) => ({ id: uuid(w), kind: 'pcn_link_workers', name: 'Added team' }),
    patch: (_w, role) => ({ column: 'description', value: `changed by ${role}` }),
    targets: async (w, count) => {
      const rows = Array.from({ length: count }, () => ({ id: uuid(w), kind: 'pcn_link_workers', name: 'Target team' }));
      await insert('teams', rows);
      return rows.map((r) => r.id);
    },
  },
  team_pcns: {
    key: 'team_id',
    insert: (w, role) => ({ team_id: w.teams.team, pcn_id: w.spare.pcns[roles.indexOf(role)] }),
    // The link has no free-text column: a change moves it to another PCN.
    patch: (w) => ({ column: 'pcn_id', value: w.pcn2 }),
    targets: async (w, count) => {
      const teams = Array.from({ length: count }, () => ({ id: uuid(w), kind: 'pcn_link_workers', name: 'Target team' }));
      await insert('teams', teams);
      await insert(
        'team_pcns',
        teams.map((t) => ({ team_id: t.id, pcn_id: w.pcn })),
      );
      return teams.map((t) => t.id);
    },
  },
  referrals: {
    key: 'id',
    insert: (w, role) => ({ ...referralRow(w, w.callers[role].userId ?? w.spare.users[0]!, w.teams.team), id: uuid(w) }),
    patch: () => ({ column: 'status', value: 'triaged' }),
    targets: (w, count) => Promise.resolve(Array.from({ length: count }, () => w.referrals.ofTeam)),
  },
  referral_events: {
    key: 'id',
    insert: (w) => ({ referral_id: w.referrals.ofTeam, kind: 'status_changed', to_status: 'closed', actor: 'staff' }),
    patch: () => ({ column: 'to_status', value: 'closed' }),
    targets: (w, count) => Promise.resolve(Array.from({ length: count }, () => w.rows.referral_events.hidden[0]!)),
  },
  referral_messages: {
    key: 'id',
    insert: (w, role) => ({ referral_id: w.referrals[role] ?? w.referrals.ofTeam, body: `Written by ${role} in the matrix` }),
    patch: () => ({ column: 'body', value: 'rewritten' }),
    targets: (w, count) => Promise.resolve(Array.from({ length: count }, () => w.rows.referral_messages.hidden[0]!)),
  },
  referral_message_reads: {
    key: 'reader_id',
    insert: (w, role) => ({
      referral_id: w.referrals.ofTeam,
      reader_id: w.callers[role].userId ?? w.spare.users[0],
      last_read_message_id: 1,
    }),
    patch: () => ({ column: 'last_read_message_id', value: '999999' }),
    targets: (w, count) => Promise.resolve(Array.from({ length: count }, () => w.rows.referral_message_reads.hidden[0]!)),
  },
  notification_outbox: {
    key: 'id',
    insert: (w) => ({ kind: 'referral_received', referral_id: w.referrals.ofTeam, recipient: 'team', team_id: w.teams.team }),
    patch: () => ({ column: 'last_error', value: 'forged' }),
    targets: (w, count) => Promise.resolve(Array.from({ length: count }, () => w.rows.notification_outbox.hidden[0]!)),
  },
  referral_limits: {
    key: 'id',
    insert: () => ({ id: true }),
    patch: () => ({ column: 'per_session_per_hour', value: '100000' }),
    targets: (_w, count) => Promise.resolve(Array.from({ length: count }, () => 'true')),
  },
  referral_address_allowances: {
    key: 'addresses',
    insert: () => ({ addresses: '0.0.0.0/0', per_hour: 100000, note: 'Everyone, by a forger' }),
    patch: () => ({ column: 'per_hour', value: '100000' }),
    targets: (w, count) => Promise.resolve(Array.from({ length: count }, () => w.rows.referral_address_allowances.hidden[0]!)),
  },
  referral_rate_counts: {
    key: 'subject',
    insert: (w) => ({
      subject: `session:${w.callers['another anonymous resident'].userId}`,
      hour: new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString(),
      submissions: 1,
    }),
    patch: () => ({ column: 'submissions', value: '1' }),
    targets: (w, count) => Promise.resolve(Array.from({ length: count }, () => w.rows.referral_rate_counts.hidden[0]!)),
  },
  referral_plans: {
    key: 'referral_id',
    insert: (w) => ({ referral_id: w.referrals['another anonymous resident'], what_matters: 'Forged plan', goals: ['forged'] }),
    patch: () => ({ column: 'what_matters', value: 'rewritten' }),
    targets: (w, count) => Promise.resolve(Array.from({ length: count }, () => w.rows.referral_plans.hidden[0]!)),
  },
  referral_plan_services: {
    key: 'id',
    insert: (w) => ({ referral_id: w.referrals.ofTeam, service_id: w.published, service_name: 'Forged', status: 'attending' }),
    patch: () => ({ column: 'status', value: 'stopped' }),
    targets: (w, count) => Promise.resolve(Array.from({ length: count }, () => w.rows.referral_plan_services.hidden[0]!)),
  },
  referral_wellbeing: {
    key: 'id',
    insert: (w) => ({ referral_id: w.referrals.ofTeam, stage: 'review', life_satisfaction: 10, worthwhile: 10, happiness: 10, anxiety: 0 }),
    patch: () => ({ column: 'anxiety', value: '0' }),
    targets: (w, count) => Promise.resolve(Array.from({ length: count }, () => w.rows.referral_wellbeing.hidden[0]!)),
  },
  team_funds: {
    key: 'team_id',
    insert: (w) => ({ team_id: w.spare.teams[0], balance_pence: 1_000_000 }),
    patch: () => ({ column: 'balance_pence', value: '1000000' }),
    targets: (w, count) => Promise.resolve(Array.from({ length: count }, () => w.teams.team)),
  },
  team_fund_entries: {
    key: 'id',
    insert: (w) => ({ team_id: w.teams.team, kind: 'top_up', amount_pence: 1_000_000, purpose: 'Forged top-up' }),
    patch: () => ({ column: 'amount_pence', value: '1000000' }),
    targets: (w, count) => Promise.resolve(Array.from({ length: count }, () => w.rows.team_fund_entries.hidden[0]!)),
  },
  staff_members: {
    key: 'user_id',
    insert: (w, role) => ({ user_id: w.spare.users[roles.indexOf(role)], role: 'curator', display_name: 'Promoted in the matrix' }),
    patch: (_w, role) => ({ column: 'display_name', value: `changed by ${role}` }),
    targets: async (w, count) => {
      const users = await makeUsers(count);
      w.userIds.push(...users.map((u) => u.id));
      await insert(
        'staff_members',
        users.map((u) => ({ user_id: u.id, role: 'link_worker', display_name: 'Target colleague' })),
      );
      return users.map((u) => u.id);
    },
  },
  listing_reports: {
    key: 'id',
    insert: (w) => ({ kind: 'problem', service_id: w.published, problem: 'closed', note: 'Forged in the matrix' }),
    patch: () => ({ column: 'note', value: 'forged' }),
    targets: (w, count) => Promise.resolve(Array.from({ length: count }, () => w.rows.listing_reports.hidden[0]!)),
  },
  curation_settings: {
    key: 'id',
    insert: () => ({ id: true }),
    patch: () => ({ column: 'hide_unverified_after_months', value: '120' }),
    targets: (_w, count) => Promise.resolve(Array.from({ length: count }, () => 'true')),
  },
  listing_interest_daily: {
    key: 'service_id',
    insert: (w) => ({ service_id: w.published, views: 1000 }),
    patch: () => ({ column: 'views', value: '999999' }),
    targets: (w, count) => Promise.resolve(Array.from({ length: count }, () => w.rows.listing_interest_daily.hidden[0]!)),
  },
  anonymous_request_log: {
    key: 'id',
    insert: () => ({ bucket: 'listing_report', address_hash: 'forged' }),
    patch: () => ({ column: 'address_hash', value: 'forged' }),
    targets: (w, count) => Promise.resolve(Array.from({ length: count }, () => w.rows.anonymous_request_log.hidden[0]!)),
  },
  staff_access_log: {
    key: 'id',
    insert: (w, role) => ({ staff_user_id: w.callers[role].userId ?? w.spare.users[0], record_kind: 'referral', record_id: 'forged' }),
    patch: () => ({ column: 'record_id', value: 'forged' }),
    targets: async (w, count) =>
      (
        await query<{ id: string }>(
          `insert into public.staff_access_log (staff_user_id, record_kind, record_id)
           select $1, 'referral', $2 || n from generate_series(1, $3::int) n returning id::text as id`,
          [w.callers.admin.userId, `${prefix}target-`, count],
        )
      ).map((r) => r.id),
  },
  bank_holidays: {
    key: 'day',
    insert: () => ({ day: '2026-12-24', title: 'A forged holiday' }),
    patch: () => ({ column: 'title', value: 'forged' }),
    // Every cell is refused: the targets are real rows, and nothing touches them.
    targets: (w, count) => Promise.resolve(Array.from({ length: count }, () => w.rows.bank_holidays.public[0]!)),
  },
  staff_team_memberships: {
    key: 'user_id',
    insert: (w, role) => ({ user_id: w.spare.users[roles.indexOf(role)], team_id: w.teams.otherTeam }),
    // The link has no free-text column: a change moves it to another team.
    patch: (w) => ({ column: 'team_id', value: w.teams.hidden }),
    targets: async (w, count) => {
      const users = await makeUsers(count);
      w.userIds.push(...users.map((u) => u.id));
      await insert(
        'staff_team_memberships',
        users.map((u) => ({ user_id: u.id, team_id: w.teams.team })),
      );
      return users.map((u) => u.id);
    },
  },
  referral_case_notes: {
    key: 'id',
    insert: (w, role) => ({ referral_id: w.referrals.ofTeam, body: `Case note by ${role} in the matrix` }),
    patch: () => ({ column: 'body', value: 'rewritten' }),
    targets: (w, count) => Promise.resolve(Array.from({ length: count }, () => w.rows.referral_case_notes.hidden[0]!)),
  },
};

/** A complete referral as submit_referral would store it, owned by `owner` and routed to `team`. */
function referralRow(w: World, owner: string, team: string, pcn = w.pcn): Row {
  return {
    reference: `SP-${randomReferencePart(4)}-${randomReferencePart(2)}`,
    owner_id: owner,
    idempotency_key: randomUUID(),
    submission_hash: '0'.repeat(64),
    source: 'self',
    gp_practice_id: w.practice,
    pcn_id: pcn,
    team_id: team,
    given_name: 'Matrix',
    family_name: 'Person',
    date_of_birth: '1960-01-01',
    postcode: 'ZZ1 1AA',
    needs: ['loneliness'],
    what_matters: 'Fixture',
    contact_methods: ['email'],
    email: 'matrix@rls-matrix.example.org',
    consent_version: 'matrix',
  };
}
const referenceAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const randomReferencePart = (n: number) =>
  Array.from({ length: n }, () => referenceAlphabet[Math.floor(Math.random() * referenceAlphabet.length)]).join('');

/** Makes every fixture, the callers and the targets; about a second on the test stack. */
export async function buildWorld(): Promise<World> {
  const w = { uuids: [], userIds: [], spare: {}, own: {}, team: {} } as unknown as World;
  const ids = (labels: string[]) => Object.fromEntries(labels.map((l) => [l, textId(l)]));

  const org = ids(['published', 'draft', 'unused', 'always', 'never']);
  await insert('organizations', [
    { id: org.published, name: 'Runs a published service' },
    { id: org.draft, name: 'Runs only a draft' },
    { id: org.unused, name: 'Runs nothing yet' },
    { id: org.always, name: 'Marked public by a curator', visibility: 'always' },
    { id: org.never, name: 'Never public', visibility: 'never' },
  ]);
  const service = ids(['published', 'draft', 'atNever']);
  await insert('services', [
    { id: service.published, name: 'Published service', published: true, organization_id: org.published },
    { id: service.draft, name: 'Draft service', published: false, organization_id: org.draft },
    { id: service.atNever, name: 'Published service of a hidden organisation', published: true, organization_id: org.never },
  ]);
  w.published = service.published!;
  w.draft = service.draft!;
  const venue = ids(['published', 'draft', 'unused', 'always', 'never']);
  await insert('locations', [
    { id: venue.published, name: 'Venue of a published service', postal_code: 'ZZ1 1AA' },
    { id: venue.draft, name: 'Venue of a draft only', postal_code: 'ZZ1 1AB', organization_id: org.published },
    { id: venue.unused, name: 'Venue nobody uses', postal_code: 'ZZ1 1AC' },
    { id: venue.always, name: 'Venue marked public', postal_code: 'ZZ1 1AD', visibility: 'always' },
    { id: venue.never, name: 'Refuge', postal_code: 'ZZ1 1AE', visibility: 'never', organization_id: org.published },
  ]);
  const place = ids(['published', 'draft', 'never']);
  await insert('service_at_locations', [
    { id: place.published, service_id: service.published, location_id: venue.published },
    { id: place.draft, service_id: service.draft, location_id: venue.draft },
    { id: place.never, service_id: service.published, location_id: venue.never },
  ]);
  const schedule = ids(['service', 'serviceDraft', 'place', 'placeDraft']);
  await insert('schedules', [
    { id: schedule.service, service_id: service.published, freq: 'WEEKLY', byday: 'TU' },
    { id: schedule.serviceDraft, service_id: service.draft, freq: 'WEEKLY', byday: 'TU' },
    { id: schedule.place, service_at_location_id: place.published, freq: 'WEEKLY', byday: 'WE' },
    { id: schedule.placeDraft, service_at_location_id: place.draft, freq: 'WEEKLY', byday: 'WE' },
  ]);
  const pair = async (table: string, extra: Row) => {
    const [pub, hidden] = [textId(table), textId(table)];
    await insert(table, [
      { id: pub, service_id: service.published, ...extra },
      { id: hidden, service_id: service.draft, ...extra },
    ]);
    return { public: [pub], hidden: [hidden] };
  };
  const costs = await pair('cost_options', { option: 'Free' });
  const contacts = await pair('contacts', { name: 'Fixture contact' });
  const languages = await pair('languages', { name: 'English', code: 'en' });
  const areas = await pair('service_areas', { name: 'Fixture area' });
  const phone = ids(['service', 'serviceDraft', 'contact', 'contactDraft']);
  await insert('phones', [
    { id: phone.service, service_id: service.published, number: '01632 960 100' },
    { id: phone.serviceDraft, service_id: service.draft, number: '01632 960 101' },
    { id: phone.contact, contact_id: contacts.public[0], number: '01632 960 102' },
    { id: phone.contactDraft, contact_id: contacts.hidden[0], number: '01632 960 103' },
  ]);
  w.taxonomy = textId('taxonomy');
  await insert('taxonomies', [{ id: w.taxonomy, name: 'Fixture taxonomy' }]);
  const [term, term2] = [textId('term'), textId('term')];
  w.term2 = term2;
  w.spare.terms = roles.map(() => textId('spare-term'));
  await insert(
    'taxonomy_terms',
    [term, term2, ...w.spare.terms].map((id) => ({ id, taxonomy_id: w.taxonomy, name: 'Fixture term' })),
  );
  const link = ids(['published', 'draft']);
  await insert('service_taxonomies', [
    { id: link.published, service_id: service.published, taxonomy_term_id: term },
    { id: link.draft, service_id: service.draft, taxonomy_term_id: term },
  ]);
  w.spare.locations = roles.map(() => textId('spare-venue'));
  await insert(
    'locations',
    w.spare.locations.map((id) => ({ id, name: 'Spare venue' })),
  );

  w.pcn = uuid(w);
  w.pcn2 = uuid(w);
  w.spare.pcns = roles.map(() => uuid(w));
  await insert(
    'pcns',
    [w.pcn, w.pcn2, ...w.spare.pcns].map((id) => ({ id, code: uniqueCode('R', 6), name: 'Fixture PCN', icb: 'Test ICB' })),
  );
  const practice = uuid(w);
  await insert('gp_practices', [{ id: practice, code: uniqueCode('Y', 5), name: 'Fixture Surgery', pcn_id: w.pcn }]);
  w.practice = practice;
  w.teams = { team: uuid(w), otherTeam: uuid(w), hidden: uuid(w) };
  w.spare.teams = [uuid(w)];
  await insert('teams', [
    { id: w.spare.teams[0], kind: 'vcse_social_prescribing', name: 'Team without a fund' },
    { id: w.teams.team, kind: 'pcn_link_workers', name: 'The team', organization_id: org.draft },
    { id: w.teams.otherTeam, kind: 'pcn_link_workers', name: 'Another team' },
    { id: w.teams.hidden, kind: 'hospital_discharge', name: 'Hidden team', is_public: false, organization_id: org.never },
  ]);
  await insert('team_pcns', [
    { team_id: w.teams.team, pcn_id: w.pcn },
    { team_id: w.teams.hidden, pcn_id: w.pcn },
    { team_id: w.teams.otherTeam, pcn_id: w.pcn2 },
  ]);

  w.callers = await makeCallers({ team: w.teams.team, otherTeam: w.teams.otherTeam });
  w.userIds.push(...Object.values(w.callers).flatMap((c) => (c.userId ? [c.userId] : [])));
  const spareUsers = await makeUsers(roles.length);
  w.spare.users = spareUsers.map((u) => u.id);
  w.userIds.push(...w.spare.users);

  const history = await query<{ id: string }>(`select id::text from public.change_history where resource_id like $1 order by id`, [
    `${prefix}%`,
  ]);
  const staffIds = (
    [
      'link worker of the team',
      'link worker of another team',
      'coordinator',
      'curator',
      'admin',
      'link worker without aal2',
      'admin without aal2',
    ] as const
  ).map((r) => w.callers[r].userId!);
  w.rows = {
    organizations: { public: [org.published!, org.always!], hidden: [org.draft!, org.unused!, org.never!] },
    services: { public: [service.published!, service.atNever!], hidden: [service.draft!] },
    locations: { public: [venue.published!, venue.always!], hidden: [venue.draft!, venue.unused!, venue.never!] },
    service_at_locations: { public: [place.published!, place.never!], hidden: [place.draft!] },
    schedules: { public: [schedule.service!, schedule.place!], hidden: [schedule.serviceDraft!, schedule.placeDraft!] },
    cost_options: costs,
    contacts,
    phones: { public: [phone.service!, phone.contact!], hidden: [phone.serviceDraft!, phone.contactDraft!] },
    languages,
    service_areas: areas,
    taxonomies: { public: [w.taxonomy], hidden: [] },
    taxonomy_terms: { public: [term, term2], hidden: [] },
    service_taxonomies: { public: [link.published!], hidden: [link.draft!] },
    change_history: { public: [], hidden: history.map((h) => h.id) },
    directory_counts: { public: await cases.directory_counts.targets(w, 1), hidden: [] },
    oruk_service_documents: await documentedServices([true, false]).then((docs) => ({
      public: docs.filter((d) => d.published).map((d) => d.id),
      hidden: docs.filter((d) => !d.published).map((d) => d.id),
    })),
    search_outbox: { public: [], hidden: await cases.search_outbox.targets(w, 1) },
    pcns: { public: [w.pcn, w.pcn2], hidden: [] },
    gp_practices: { public: [practice], hidden: [] },
    teams: { public: [w.teams.team, w.teams.otherTeam], hidden: [w.teams.hidden] },
    team_pcns: { public: [w.teams.team], hidden: [w.teams.hidden] },
    staff_members: { public: [], hidden: staffIds },
    // Filled in by buildReferrals.
    referrals: { public: [], hidden: [] },
    referral_events: { public: [], hidden: [] },
    referral_messages: { public: [], hidden: [] },
    referral_message_reads: { public: [], hidden: [] },
    notification_outbox: { public: [], hidden: [] },
    staff_access_log: { public: [], hidden: await cases.staff_access_log.targets(w, 2) },
    referral_limits: { public: [], hidden: ['true'] },
    referral_address_allowances: { public: [], hidden: [] },
    referral_rate_counts: { public: [], hidden: [] },
    bank_holidays: { public: ['2025-12-25', '2026-12-28'], hidden: [] },
    staff_team_memberships: { public: [], hidden: await cases.staff_team_memberships.targets(w, 1) },
    // Filled in by buildReferrals.
    referral_case_notes: { public: [], hidden: [] },
    referral_plans: { public: [], hidden: [] },
    referral_plan_services: { public: [], hidden: [] },
    referral_wellbeing: { public: [], hidden: [] },
    team_funds: { public: [], hidden: [] },
    team_fund_entries: { public: [], hidden: [] },
    // Filled in by buildCuration.
    listing_reports: { public: [], hidden: [] },
    curation_settings: { public: [], hidden: ['true'] },
    listing_interest_daily: { public: [], hidden: [] },
    anonymous_request_log: { public: [], hidden: [] },
  };

  await buildReferrals(w);
  await buildCuration(w);

  w.targets = {} as World['targets'];
  for (const table of Object.keys(cases) as Table[]) {
    const made = await cases[table].targets(w, roles.length * 2);
    w.targets[table] = {
      update: Object.fromEntries(roles.map((r, i) => [r, made[i]!])) as Record<Role, string>,
      delete: Object.fromEntries(roles.map((r, i) => [r, made[roles.length + i]!])) as Record<Role, string>,
    };
  }
  return w;
}

/**
 * Referrals: each resident owns one; the anonymous residents' go to the team, the permanent
 * resident's to the hidden (hospital) team of the same PCN, which the team's coordinator sees but
 * its link worker does not; a fourth goes to the other team in another PCN. The triggers add the
 * history and the outbox rows; each referral gets a message from its owner, the first one a link
 * worker's reply and a history entry the person does not see.
 */
async function buildReferrals(w: World): Promise<void> {
  const c = w.callers;
  const made = {
    anon: referralRow(w, c['anonymous resident'].userId!, w.teams.team),
    another: referralRow(w, c['another anonymous resident'].userId!, w.teams.team),
    permanent: referralRow(w, c['permanent resident'].userId!, w.teams.hidden),
    other: referralRow(w, w.spare.users[0]!, w.teams.otherTeam, w.pcn2),
  };
  const ids = Object.fromEntries(Object.keys(made).map((k) => [k, uuid(w)])) as Record<keyof typeof made, string>;
  await insert(
    'referrals',
    (Object.keys(made) as (keyof typeof made)[]).map((k) => ({ id: ids[k], ...made[k] })),
  );
  w.referrals = {
    'anonymous resident': ids.anon,
    'another anonymous resident': ids.another,
    'permanent resident': ids.permanent,
    ofTeam: ids.anon,
  };
  const all = Object.values(ids);
  const hiddenEvent = await query<{ id: string }>(
    `insert into public.referral_events (referral_id, kind, from_status, to_status, actor, person_visible)
     values ($1, 'status_changed', 'new', 'new', 'staff', false) returning id::text as id`,
    [ids.anon],
  );
  const events = await query<{ id: string; referral_id: string; person_visible: boolean }>(
    `select id::text as id, referral_id::text as referral_id, person_visible from public.referral_events where referral_id = any($1::uuid[])`,
    [all],
  );
  const messages = await query<{ id: string; referral_id: string }>(
    `insert into public.referral_messages (referral_id, author_kind, author_id, author_name, body)
     select r.id, 'person', r.owner_id, null, 'Fixture message from the person' from public.referrals r where r.id = any($1::uuid[])
     union all select $2::uuid, 'staff', $3::uuid, 'Matrix link worker', 'Fixture reply'
     returning id::text as id, referral_id::text as referral_id`,
    [all, ids.anon, c['link worker of the team'].userId],
  );
  await query(
    `insert into public.referral_message_reads (referral_id, reader_id, last_read_message_id)
     values ($1, $2, 1), ($3, $4, 1), ($5, $6, 1), ($1, $7, 1)`,
    [
      ids.anon,
      c['anonymous resident'].userId,
      ids.another,
      c['another anonymous resident'].userId,
      ids.permanent,
      c['permanent resident'].userId,
      c['link worker of the team'].userId,
    ],
  );
  const outbox = await query<{ id: string }>(`select id::text as id from public.notification_outbox where referral_id = any($1::uuid[])`, [
    all,
  ]);

  const of = (rows: { id: string; referral_id: string }[], referrals: string[]) =>
    rows.filter((r) => referrals.includes(r.referral_id)).map((r) => r.id);
  const visible = events.filter((e) => e.person_visible);
  const byRole = <T>(anon: T, another: T, permanent: T) => ({
    'anonymous resident': anon,
    'another anonymous resident': another,
    'permanent resident': permanent,
  });
  const teamSees = [ids.anon, ids.another];
  const coordinatorSees = [ids.anon, ids.another, ids.permanent];
  const teamView = (rows: { id: string; referral_id: string }[]) => ({
    'link worker of the team': of(rows, teamSees),
    coordinator: of(rows, coordinatorSees),
    'link worker of another team': of(rows, [ids.other]),
  });
  w.rows.referrals = { public: [], hidden: all };
  w.own.referrals = byRole([ids.anon], [ids.another], [ids.permanent]);
  w.team.referrals = { 'link worker of the team': teamSees, coordinator: coordinatorSees, 'link worker of another team': [ids.other] };
  w.rows.referral_events = { public: [], hidden: [...events.map((e) => e.id)] };
  w.own.referral_events = byRole(of(visible, [ids.anon]), of(visible, [ids.another]), of(visible, [ids.permanent]));
  w.team.referral_events = teamView(events);
  w.rows.referral_messages = { public: [], hidden: messages.map((m) => m.id) };
  w.own.referral_messages = byRole(of(messages, [ids.anon]), of(messages, [ids.another]), of(messages, [ids.permanent]));
  w.team.referral_messages = teamView(messages);
  const readers = ['anonymous resident', 'another anonymous resident', 'permanent resident', 'link worker of the team'] as const;
  w.rows.referral_message_reads = { public: [], hidden: readers.map((r) => c[r].userId!) };
  w.own.referral_message_reads = Object.fromEntries(readers.map((r) => [r, [c[r].userId!]]));
  w.rows.notification_outbox = { public: [], hidden: outbox.map((o) => o.id) };
  const allowance = `198.18.${Math.floor(Math.random() * 255)}.0/24`;
  await query(`insert into public.referral_address_allowances values ($1, 10, 'RLS matrix fixture') on conflict do nothing`, [allowance]);
  w.rows.referral_address_allowances = { public: [], hidden: [allowance] };
  const counted = await query<{ subject: string }>(
    `insert into public.referral_rate_counts (subject, hour, submissions) values ($1, date_trunc('hour', now()), 1)
     on conflict (subject, hour) do update set submissions = excluded.submissions returning subject`,
    [`session:${c['anonymous resident'].userId}`],
  );
  w.rows.referral_rate_counts = { public: [], hidden: counted.map((l) => l.subject) };
  // A case note on each of three referrals, by a member of staff (the trigger adds a hidden event).
  const notes = await query<{ id: string; referral_id: string }>(
    `insert into public.referral_case_notes (referral_id, author_id, body)
     select r, $2::uuid, 'Fixture case note' from unnest($1::uuid[]) r returning id::text as id, referral_id::text as referral_id`,
    [[ids.anon, ids.permanent, ids.other], c['link worker of the team'].userId],
  );
  w.rows.referral_case_notes = { public: [], hidden: notes.map((n) => n.id) };
  w.team.referral_case_notes = teamView(notes);
  await buildCasework(w, ids, teamView);
  if (hiddenEvent.length !== 1 || outbox.length !== all.length + 1)
    throw new Error('the referral triggers did not record what they should');
}

/**
 * Plans, wellbeing and the fund, made as postgres: plans on the team's, the hidden team's and the
 * other team's referrals (each with a service and a wellbeing score), and each team's fund with a
 * top-up and a spend on one of its referrals. The coordinator sees the hidden team's spend through
 * the referral (its PCN) but not that team's top-up; admins see every top-up and no spend.
 */
async function buildCasework(
  w: World,
  ids: Record<'anon' | 'another' | 'permanent' | 'other', string>,
  teamView: (rows: { id: string; referral_id: string }[]) => Partial<Record<Role, string[]>>,
): Promise<void> {
  const planned = [ids.anon, ids.permanent, ids.other];
  await query(`insert into public.referral_plans (referral_id, what_matters, goals) select unnest($1::uuid[]), 'Fixture', '{Walk}'`, [
    planned,
  ]);
  const services = await query<{ id: string; referral_id: string }>(
    `insert into public.referral_plan_services (referral_id, service_id, service_name)
     select unnest($1::uuid[]), $2, 'Published service' returning id::text as id, referral_id::text as referral_id`,
    [planned, w.published],
  );
  const wellbeing = await query<{ id: string; referral_id: string }>(
    `insert into public.referral_wellbeing (referral_id, stage, life_satisfaction, worthwhile, happiness, anxiety)
     select unnest($1::uuid[]), 'start', 5, 5, 5, 5 returning id::text as id, referral_id::text as referral_id`,
    [planned],
  );
  const entries = await query<{ id: string; referral_id: string | null; team_id: string; kind: string }>(
    `insert into public.team_fund_entries (team_id, referral_id, kind, amount_pence, purpose, supplier, approved_by)
     select e.team_id, e.referral_id, e.kind, e.amount, 'Fixture', e.supplier, e.approved
     from jsonb_to_recordset($1::jsonb) as e(team_id uuid, referral_id uuid, kind text, amount integer, supplier text, approved text)
     returning id::text as id, referral_id::text as referral_id, team_id::text as team_id, kind`,
    [
      JSON.stringify(
        [
          [w.teams.team, ids.anon],
          [w.teams.hidden, ids.permanent],
          [w.teams.otherTeam, ids.other],
        ].flatMap(([team, referral]) => [
          { team_id: team, referral_id: null, kind: 'top_up', amount: 10_000, supplier: null, approved: null },
          { team_id: team, referral_id: referral, kind: 'spend', amount: 4_500, supplier: 'Fixture Ltd', approved: 'Fixture lead' },
        ]),
      ),
    ],
  );
  const byRole = (rows: { id: string; referral_id: string }[]) => ({
    'anonymous resident': rows.filter((r) => r.referral_id === ids.anon).map((r) => r.id),
    'another anonymous resident': [],
    'permanent resident': rows.filter((r) => r.referral_id === ids.permanent).map((r) => r.id),
  });
  w.rows.referral_plans = { public: [], hidden: planned };
  w.own.referral_plans = byRole(planned.map((id) => ({ id, referral_id: id })));
  w.team.referral_plans = teamView(planned.map((id) => ({ id, referral_id: id })));
  w.rows.referral_plan_services = { public: [], hidden: services.map((s) => s.id) };
  w.own.referral_plan_services = byRole(services);
  w.team.referral_plan_services = teamView(services);
  w.rows.referral_wellbeing = { public: [], hidden: wellbeing.map((s) => s.id) };
  w.team.referral_wellbeing = teamView(wellbeing);
  w.rows.team_funds = { public: [], hidden: [w.teams.team, w.teams.hidden, w.teams.otherTeam] };
  w.team.team_funds = {
    'link worker of the team': [w.teams.team],
    coordinator: [w.teams.team],
    'link worker of another team': [w.teams.otherTeam],
  };
  const entryIds = (keep: (e: (typeof entries)[number]) => boolean) => entries.filter(keep).map((e) => e.id);
  w.rows.team_fund_entries = { public: [], hidden: entries.map((e) => e.id) };
  w.team.team_fund_entries = {
    'link worker of the team': entryIds((e) => e.team_id === w.teams.team),
    coordinator: entryIds((e) => e.team_id === w.teams.team || e.referral_id === ids.permanent),
    'link worker of another team': entryIds((e) => e.team_id === w.teams.otherTeam),
    admin: entryIds((e) => e.kind === 'top_up'),
  };
}

/** A problem report and a suggested group, a day's interest in the published service, and an address logged. */
async function buildCuration(w: World): Promise<void> {
  const reports = await query<{ id: string }>(
    `insert into public.listing_reports (kind, service_id, problem, note, group_name, group_description)
     values ('problem', $1, 'wrong_time', $2, null, null), ('suggestion', null, null, $2, 'Fixture group', 'Meets on Mondays')
     returning id::text as id`,
    [w.published, `${prefix}report`],
  );
  w.rows.listing_reports = { public: [], hidden: reports.map((r) => r.id) };
  await query(`insert into public.listing_interest_daily (service_id, views, shortlists) values ($1, 3, 1)`, [w.published]);
  w.rows.listing_interest_daily = { public: [], hidden: [w.published] };
  const logged = await query<{ id: string }>(
    `insert into public.anonymous_request_log (bucket, address_hash) values ('listing_interest', $1) returning id::text as id`,
    [`${prefix}address`],
  );
  w.rows.anonymous_request_log = { public: [], hidden: logged.map((l) => l.id) };
}

/** Removes every row the matrix made or added, children first. */
export async function removeWorld(w: World): Promise<void> {
  const like = `${prefix}%`;
  await query(`delete from public.team_pcns where team_id = any($1::uuid[]) or pcn_id = any($1::uuid[])`, [w.uuids]);
  await query(`delete from public.referrals where id = any($1::uuid[]) or team_id = any($1::uuid[])`, [w.uuids]);
  await query(`delete from public.referral_rate_counts where subject = any($1::text[])`, [w.userIds.map((id) => `session:${id}`)]);
  await query(`delete from public.referral_address_allowances where addresses = any($1::cidr[])`, [
    w.rows.referral_address_allowances.hidden,
  ]);
  await query(`delete from auth.users where id = any($1::uuid[])`, [w.userIds]);
  await query(`delete from public.teams where id = any($1::uuid[])`, [w.uuids]);
  await query(`delete from public.gp_practices where id = any($1::uuid[]) or pcn_id = any($1::uuid[])`, [w.uuids]);
  await query(`delete from public.pcns where id = any($1::uuid[])`, [w.uuids]);
  for (const table of ['services', 'locations', 'organizations', 'taxonomy_terms', 'taxonomies', 'directory_counts'])
    await query(`delete from public.${table} where id like $1`, [like]);
  await query(`delete from public.change_history where resource_id like $1`, [like]);
  await query(`delete from public.search_outbox where service_id like $1`, [like]);
  await query(`delete from public.staff_access_log where record_id like $1`, [like]);
  await query(`delete from public.listing_reports where note like $1`, [like]);
  await query(`delete from public.anonymous_request_log where address_hash like $1`, [like]);
}
