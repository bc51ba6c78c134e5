import type { Role } from './roles.ts';

/**
 * THE row-level security expectations: for every table and view the API exposes, what each
 * kind of caller may do, operation by operation. `rls-matrix.test.ts` proves every cell through
 * PostgREST with real tokens, and fails when a table or view in `public` has no row here.
 * How to add a table: CONTRIBUTING.md, "Row-level security expectations".
 *
 * select   'all'      every fixture row of the table
 *          'public'   only the fixture rows the public may see (fixtures.ts marks them)
 *          'own'      only the caller's own rows (a resident's referral; fixtures.ts lists them in `own`)
 *          'team'     only the rows of the caller's team (fixtures.ts lists them in `team`)
 *          'none'     200 with no rows (row level security hides them all)
 *          'refused'  401 for anon, 403 otherwise, 42501 "permission denied for table …" (no grant)
 * insert   'allowed'  201
 *          'blocked'  401/403, 42501 "new row violates row-level security policy for table …"
 *          'refused'  as for select (no grant)
 * update,  'allowed'  200 with the row, and the change is in the database
 * delete   'none'     200 with no rows, and the database is unchanged
 *          'refused'  as for select (no grant)
 */
export type SelectOutcome = 'all' | 'public' | 'own' | 'team' | 'none' | 'refused';
export type InsertOutcome = 'allowed' | 'blocked' | 'refused';
export type ChangeOutcome = 'allowed' | 'none' | 'refused';

export interface TableExpectations {
  select: Record<Role, SelectOutcome>;
  insert: Record<Role, InsertOutcome>;
  update: Record<Role, ChangeOutcome>;
  delete: Record<Role, ChangeOutcome>;
}

/**
 * Residents and staff who are neither curators nor admins are written once per group. Staff
 * whose session has no second factor (aal1) get what a signed-in resident gets, never more.
 */
interface ByGroup<T> {
  anon: T;
  residents: T;
  staff: T;
  curator: T;
  admin: T;
}

function per<T>(g: ByGroup<T>): Record<Role, T> {
  return {
    anon: g.anon,
    'anonymous resident': g.residents,
    'another anonymous resident': g.residents,
    'permanent resident': g.residents,
    'link worker of the team': g.staff,
    'link worker of another team': g.staff,
    coordinator: g.staff,
    curator: g.curator,
    admin: g.admin,
    'link worker without aal2': g.residents,
    'admin without aal2': g.residents,
  };
}

/** The directory: the public reads what is published; curators and admins edit everything. */
const curatedListing: TableExpectations = {
  select: per({ anon: 'public', residents: 'public', staff: 'public', curator: 'all', admin: 'all' }),
  insert: per({ anon: 'refused', residents: 'blocked', staff: 'blocked', curator: 'allowed', admin: 'allowed' }),
  update: per({ anon: 'refused', residents: 'none', staff: 'none', curator: 'allowed', admin: 'allowed' }),
  delete: per({ anon: 'refused', residents: 'none', staff: 'none', curator: 'allowed', admin: 'allowed' }),
};

/** Reference data everyone reads; only admins change it. */
const adminReference: TableExpectations = {
  select: per({ anon: 'all', residents: 'all', staff: 'all', curator: 'all', admin: 'all' }),
  insert: per({ anon: 'refused', residents: 'blocked', staff: 'blocked', curator: 'blocked', admin: 'allowed' }),
  update: per({ anon: 'refused', residents: 'none', staff: 'none', curator: 'none', admin: 'allowed' }),
  delete: per({ anon: 'refused', residents: 'none', staff: 'none', curator: 'none', admin: 'allowed' }),
};

/** Teams: public teams for everyone, hidden ones for staff; only admins change them. */
const teamVisible: TableExpectations = {
  ...adminReference,
  select: per({ anon: 'public', residents: 'public', staff: 'all', curator: 'all', admin: 'all' }),
};

/** Nobody through the API: written by security definer functions and triggers, read by scripts. */
const noApiAccess: TableExpectations = {
  select: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
  insert: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
  update: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
  delete: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
};

/**
 * A referral and what hangs off it: the person who made it reads their own; link workers read
 * those routed to their team, a coordinator those of the PCNs their team serves (fixtures.ts);
 * curators and admins read none (health data is not theirs to see). Nobody writes through the
 * API: submit_referral and withdraw_referral do, and triggers record the history.
 */
const referralReadOnly: TableExpectations = {
  ...noApiAccess,
  select: {
    anon: 'refused',
    'anonymous resident': 'own',
    'another anonymous resident': 'own',
    'permanent resident': 'own',
    'link worker of the team': 'team',
    'link worker of another team': 'team',
    coordinator: 'team',
    curator: 'none',
    admin: 'none',
    'link worker without aal2': 'none',
    'admin without aal2': 'none',
  },
};

export const expectations = {
  // Directory (20261122000200_directory.sql, 20261123100000_directory_visibility.sql)
  organizations: curatedListing,
  services: curatedListing,
  locations: curatedListing,
  service_at_locations: curatedListing,
  schedules: curatedListing,
  cost_options: curatedListing,
  contacts: curatedListing,
  phones: curatedListing,
  languages: curatedListing,
  service_areas: curatedListing,
  taxonomies: { ...curatedListing, select: per({ anon: 'all', residents: 'all', staff: 'all', curator: 'all', admin: 'all' }) },
  taxonomy_terms: { ...curatedListing, select: per({ anon: 'all', residents: 'all', staff: 'all', curator: 'all', admin: 'all' }) },
  service_taxonomies: curatedListing,
  // Written only by the history trigger; curators review it.
  change_history: {
    select: per({ anon: 'refused', residents: 'none', staff: 'none', curator: 'all', admin: 'all' }),
    insert: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
    update: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
    delete: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
  },

  // Places and teams (20261122000300_places_and_teams.sql, 20261123100200_team_visibility.sql)
  // The indexer's queue: only the service role (the indexer) touches it; no API caller may.
  // Counts of public records (the ORUK API's paging total): everyone reads, only triggers write.
  directory_counts: {
    select: per({ anon: 'all', residents: 'all', staff: 'all', curator: 'all', admin: 'all' }),
    insert: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
    update: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
    delete: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
  },
  // The ORUK API's documents built ahead (20261203010000_oruk_documents.sql): readable as the
  // service is, written only by the indexer with the service role.
  oruk_service_documents: {
    select: per({ anon: 'public', residents: 'public', staff: 'public', curator: 'all', admin: 'all' }),
    insert: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
    update: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
    delete: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
  },
  search_outbox: {
    select: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
    insert: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
    update: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
    delete: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
  },
  pcns: adminReference,
  gp_practices: adminReference,
  teams: teamVisible,
  team_pcns: teamVisible,
  staff_members: {
    ...adminReference,
    select: per({ anon: 'refused', residents: 'none', staff: 'all', curator: 'all', admin: 'all' }),
  },

  // Referrals (20261203000100_referrals.sql)
  referrals: referralReadOnly,
  referral_events: referralReadOnly,
  // Append-only: a person writes on their own referral only (the insert row names their own);
  // nobody changes or removes a message.
  referral_messages: {
    ...referralReadOnly,
    insert: {
      ...per({ anon: 'refused', residents: 'allowed', staff: 'blocked', curator: 'blocked', admin: 'blocked' }),
      // Staff without a second factor are signed-in people with no referral of their own to write on.
      'link worker without aal2': 'blocked',
      'admin without aal2': 'blocked',
    },
  },
  // Read markers: each reader sees their own; mark_referral_messages_read writes them.
  referral_message_reads: {
    ...noApiAccess,
    select: per({ anon: 'refused', residents: 'own', staff: 'own', curator: 'own', admin: 'own' }),
  },
  // The notification worker's queue and submit_referral's rate-limit bookkeeping: only the service role.
  notification_outbox: noApiAccess,
  // Staff access log (20261203001100_staff_access_log.sql): written only by log_staff_access(),
  // read only by admins, changed by nobody.
  staff_access_log: {
    select: per({ anon: 'refused', residents: 'none', staff: 'none', curator: 'none', admin: 'all' }),
    insert: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
    update: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
    delete: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
  },
  // Plans, wellbeing and the practical-help fund (20261203005100_plans_wellbeing_fund.sql): nobody
  // writes through the API (security definer functions do, tests/integration/casework). The person
  // reads their own plan, staff the plans of referrals they may read.
  referral_plans: referralReadOnly,
  referral_plan_services: referralReadOnly,
  // Staff only: the person's page does not show the scores (the migration says why).
  referral_wellbeing: {
    ...referralReadOnly,
    select: per({ anon: 'refused', residents: 'none', staff: 'team', curator: 'none', admin: 'none' }),
  },
  // A team's link workers and coordinators read its balance; admins (who top funds up) read every balance.
  team_funds: {
    ...noApiAccess,
    select: per({ anon: 'refused', residents: 'none', staff: 'team', curator: 'none', admin: 'all' }),
  },
  // The team's entries, and spends on referrals the caller may read; admins only top-ups (fixtures.ts).
  team_fund_entries: {
    ...noApiAccess,
    select: per({ anon: 'refused', residents: 'none', staff: 'team', curator: 'none', admin: 'team' }),
  },
  referral_limits: noApiAccess,
  referral_address_allowances: noApiAccess,
  referral_rate_counts: noApiAccess,

  // The workspace (20261203005000_workspace_triage.sql)
  // England and Wales bank holidays: public data everyone reads; only a migration changes them.
  bank_holidays: {
    select: per({ anon: 'all', residents: 'all', staff: 'all', curator: 'all', admin: 'all' }),
    insert: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
    update: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
    delete: per({ anon: 'refused', residents: 'refused', staff: 'refused', curator: 'refused', admin: 'refused' }),
  },
  // Membership of more teams: staff see it, as they see their colleagues; admins change it.
  staff_team_memberships: {
    ...adminReference,
    select: per({ anon: 'refused', residents: 'none', staff: 'all', curator: 'all', admin: 'all' }),
  },
  // Staff-only case notes: the staff who work on the referral read and add them (as themselves);
  // the person who made the referral never sees them; nobody changes or removes one.
  referral_case_notes: {
    ...noApiAccess,
    select: {
      ...referralReadOnly.select,
      'anonymous resident': 'none',
      'another anonymous resident': 'none',
      'permanent resident': 'none',
    },
    insert: {
      ...per({ anon: 'refused', residents: 'blocked', staff: 'allowed', curator: 'blocked', admin: 'blocked' }),
      // The insert row names a referral of the team, which the other team's link worker may not work on.
      'link worker of another team': 'blocked',
      'link worker without aal2': 'blocked',
      'admin without aal2': 'blocked',
    },
  },
  // Curation (20261203006000_curation.sql): problem reports and suggested groups are read by
  // curators and admins and decided only through decide_listing_report; anyone sends one through
  // submit_listing_report. Settings, the interest counters and the address log are bookkeeping.
  listing_reports: {
    ...noApiAccess,
    select: per({ anon: 'refused', residents: 'none', staff: 'none', curator: 'all', admin: 'all' }),
  },
  curation_settings: noApiAccess,
  listing_interest_daily: noApiAccess,
  anonymous_request_log: noApiAccess,
} satisfies Record<string, TableExpectations>;

export type Table = keyof typeof expectations;
export const tables = Object.keys(expectations) as Table[];
export const operations = ['select', 'insert', 'update', 'delete'] as const;
export type Operation = (typeof operations)[number];

/**
 * Tables where the service role holds other privileges than signed-in callers: the indexer reads
 * and empties its queue with the service role, which no API caller may touch; scripts may read
 * the staff access log but, like everyone, neither write nor change it.
 */
export const serviceRoleOnly: Partial<Record<Table, Operation[]>> = {
  search_outbox: ['select', 'insert', 'delete'],
  // The indexer stores the ORUK API's documents (an upsert); the outbox's trigger deletes them.
  oruk_service_documents: ['select', 'insert', 'update'],
  // npm run referral:message reads a referral, moves it to contacted and writes a link worker's message.
  referrals: ['select', 'update'],
  referral_events: ['select'],
  referral_messages: ['select', 'insert'],
  referral_message_reads: ['select'],
  // The notification worker reads its queue, marks rows sent or failed, and may clear them.
  notification_outbox: ['select', 'update', 'delete'],
  staff_access_log: ['select'],
  // Operators (and the bench) change the limits and allowances; the counters are read and cleared.
  referral_limits: ['select', 'update'],
  referral_address_allowances: ['select', 'insert', 'update', 'delete'],
  referral_rate_counts: ['select', 'delete'],
  // Scripts read case notes (nobody writes one but staff through the API).
  referral_case_notes: ['select'],
  // Operators tidy reports and counters, change the settings, and clear the address log.
  listing_reports: ['select', 'update', 'delete'],
  curation_settings: ['select', 'update'],
  listing_interest_daily: ['select', 'delete'],
  anonymous_request_log: ['select', 'delete'],
};
