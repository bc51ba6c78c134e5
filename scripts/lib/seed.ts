import pg from 'pg';
import { sliceSample } from '../../src/lib/slice/sample.ts';

/** Loads the fictional sample data. Upserts by id, so running it twice changes nothing. */
export async function seedDatabase(databaseUrl: string): Promise<{ sliceServices: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    for (const row of sliceSample) {
      await client.query(
        `insert into public.slice_services (id, name, summary, town, published) values ($1, $2, $3, $4, $5)
         on conflict (id) do update set name = excluded.name, summary = excluded.summary, town = excluded.town, published = excluded.published`,
        [row.id, row.name, row.summary, row.town, row.published],
      );
    }
    await client.query('commit');
    return { sliceServices: sliceSample.length };
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
}
