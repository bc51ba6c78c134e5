import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureSampleData, person, type Person, rest, sql } from './support.ts';

let curator: Person;
beforeAll(async () => {
  await ensureSampleData();
  curator = await person('curator');
});

type HistoryRow = {
  field_name: string;
  previous_value: string | null;
  replacement_value: string | null;
  updated_by: string;
  updated_by_user_id: string | null;
  last_action_type: string;
};

describe('the change history of a listing', () => {
  it('records who changed which field, from what, to what', async () => {
    const id = `history-test-${randomUUID()}`;
    await sql(`insert into public.services (id, name, status, published) values ($1, 'Knit and Natter', 'active', true)`, [id]);
    const result = await rest(curator, 'PATCH', `services?id=eq.${id}`, {
      status: 'temporarily closed',
      name: 'Knit and Natter (summer break)',
    });
    expect(result.status).toBe(200);
    const rows = await sql<HistoryRow>(
      `select field_name, previous_value, replacement_value, updated_by, updated_by_user_id, last_action_type
       from public.change_history where resource_id = $1 and last_action_type = 'update' order by field_name`,
      [id],
    );
    expect(rows).toEqual([
      {
        field_name: 'name',
        previous_value: 'Knit and Natter',
        replacement_value: 'Knit and Natter (summer break)',
        updated_by: curator.email,
        updated_by_user_id: curator.id,
        last_action_type: 'update',
      },
      {
        field_name: 'status',
        previous_value: 'active',
        replacement_value: 'temporarily closed',
        updated_by: curator.email,
        updated_by_user_id: curator.id,
        last_action_type: 'update',
      },
    ]);
  });

  it('records creation and removal, keeping the removed row', async () => {
    const id = `history-test-${randomUUID()}`;
    expect((await rest(curator, 'POST', 'services', { id, name: 'Pop-up warm space' })).status).toBe(201);
    expect((await rest(curator, 'DELETE', `services?id=eq.${id}`)).status).toBe(200);
    const rows = await sql<{ last_action_type: string; previous_value: string | null }>(
      `select last_action_type, previous_value from public.change_history where resource_id = $1 order by last_action_date, last_action_type`,
      [id],
    );
    expect(rows.map((r) => r.last_action_type)).toEqual(['create', 'delete']);
    expect(JSON.parse(rows[1]?.previous_value ?? '{}')).toMatchObject({ id, name: 'Pop-up warm space' });
  });

  it('moves last_modified but not the verification date when a curator edits', async () => {
    const id = `history-test-${randomUUID()}`;
    await sql(
      `insert into public.services (id, name, assured_date, last_modified, published) values ($1, 'Memory Café', '2026-01-05', '2026-01-05T10:00:00Z', true)`,
      [id],
    );
    await rest(curator, 'PATCH', `services?id=eq.${id}`, { description: 'Now on Thursdays' });
    const [row] = await sql<{ assured_date: string; moved: boolean }>(
      `select assured_date::text, last_modified > now() - interval '1 minute' as moved from public.services where id = $1`,
      [id],
    );
    expect(row).toEqual({ assured_date: '2026-01-05', moved: true });
  });
});
