import type pg from 'pg';
import { changedRows } from '../src/lib/oruk/changed-rows.ts';
import { writeCatalogue } from '../src/lib/oruk/catalogue-writer.ts';
import { connect } from '../src/lib/oruk/db.ts';
import { sampleData, SAMPLE_DATA_MARKER } from '../src/lib/sample-data/index.ts';

export type SeedCounts = Record<string, number>;

/**
 * Loads the FICTIONAL SAMPLE DATA (PCNs, practices, teams and the directory) into a database.
 * Upserts by id and leaves rows already as they should be untouched (unlocked), so running it
 * again changes nothing and does not block referrals being made meanwhile; called by the stack's seed.
 */
export async function seedCatalogue(databaseUrl: string): Promise<SeedCounts> {
  const client = await connect(databaseUrl);
  try {
    await client.query('begin');
    await client.query(`select set_config('signpost.actor', $1, true)`, [`seed:${SAMPLE_DATA_MARKER}`]);
    const { places, catalogue } = sampleData;
    await upsert(client, 'pcns', places.pcns, ['boundary', 'social_links']);
    await upsert(client, 'gp_practices', places.practices);
    await upsert(client, 'teams', places.teams);
    await upsert(client, 'team_pcns', places.teamPcns, [], '(team_id, pcn_id)');
    // Every request to the local stack reaches the database through the gateway on this machine,
    // so the per-address referral limit (docs/referrals.md) would count all of them as one person.
    await client.query(
      `insert into public.referral_address_allowances (addresses, per_hour, note)
       values ('127.0.0.1/32', 100000, 'The local stack: every request comes through its gateway on this machine.'),
              ('::1/128', 100000, 'The local stack: every request comes through its gateway on this machine.')
       on conflict (addresses) do nothing`,
    );
    const { failures } = await writeCatalogue(client, catalogue);
    if (failures.length) {
      throw new Error(
        `The sample data did not load: ${failures
          .slice(0, 3)
          .map((f) => `${f.table} ${f.id}: ${f.message}`)
          .join('; ')}`,
      );
    }
    await client.query('commit');
    return {
      pcns: places.pcns.length,
      gpPractices: places.practices.length,
      teams: places.teams.length,
      services: catalogue.services.length,
      locations: catalogue.locations.length,
      organizations: catalogue.organizations.length,
    };
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
}

async function upsert(client: pg.ClientBase, table: string, all: object[], jsonColumns: string[] = [], conflict = '(id)'): Promise<void> {
  if (all.length === 0) return;
  const columns = Object.keys(all[0] as object).filter((c) => c !== 'created_at' && c !== 'updated_at');
  // Rows already as they should be are left alone, so a re-seed locks nothing it does not change.
  const rows =
    conflict === '(id)'
      ? await changedRows(
          client,
          table,
          all as Record<string, unknown>[],
          columns.filter((c) => c !== 'id'),
        )
      : all;
  if (rows.length === 0) return;
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const record = row as Record<string, unknown>;
    return `(${columns
      .map((c) => {
        values.push(jsonColumns.includes(c) ? JSON.stringify(record[c]) : record[c]);
        return `$${values.length}`;
      })
      .join(', ')})`;
  });
  const updates = columns.filter((c) => !conflict.includes(c)).map((c) => `"${c}" = excluded."${c}"`);
  await client.query(
    `insert into public.${table} (${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples.join(', ')}
     on conflict ${conflict} do ${updates.length ? `update set ${updates.join(', ')}` : 'nothing'}`,
    values,
  );
}
