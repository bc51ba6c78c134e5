import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { anonClient, confirmedUser, sql } from './helpers.ts';

// A throwaway table, owned by this test, whose policy is the one every per-person table in
// the project uses: rows belong to auth.uid().
const table = `auth_probe_${randomUUID().slice(0, 8)}`;

async function waitForTable(client: SupabaseClient) {
  for (let i = 0; i < 50; i++) {
    const { error } = await client.from(table).select('id').limit(1);
    if (!error) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`PostgREST never saw ${table}`);
}

beforeAll(async () => {
  await sql(`
    create table public.${table} (
      id bigint generated always as identity primary key,
      user_id uuid not null default auth.uid(),
      note text not null
    );
    alter table public.${table} enable row level security;
    create policy "People see and add only their own notes" on public.${table}
      for all to authenticated using (user_id = auth.uid()) with check (user_id = auth.uid());
    grant select, insert on public.${table} to authenticated;
    notify pgrst, 'reload schema';
  `);
});

afterAll(async () => {
  await sql(`drop table if exists public.${table}; notify pgrst, 'reload schema';`);
});

describe('row level security with local Auth sessions', () => {
  it('sees auth.uid() as the anonymous user and the permanent user respectively, and nothing of the other', async () => {
    const anonymous = anonClient();
    const { data: anonSession } = await anonymous.auth.signInAnonymously();
    const permanent = await confirmedUser('rls');
    await waitForTable(permanent.client);

    expect((await anonymous.from(table).insert({ note: 'from the anonymous person' })).error).toBeNull();
    expect((await permanent.client.from(table).insert({ note: 'from the permanent person' })).error).toBeNull();

    const anonRows = await anonymous.from(table).select('user_id, note');
    expect(anonRows.data).toEqual([{ user_id: anonSession.user!.id, note: 'from the anonymous person' }]);
    const permanentRows = await permanent.client.from(table).select('user_id, note');
    expect(permanentRows.data).toEqual([{ user_id: permanent.id, note: 'from the permanent person' }]);
  });

  it("refuses a row written in someone else's name", async () => {
    const permanent = await confirmedUser('rls-forge');
    await waitForTable(permanent.client);
    const { error } = await permanent.client.from(table).insert({ note: 'forged', user_id: randomUUID() });
    expect(error?.code).toBe('42501');
  });

  it('gives a signed-out visitor (anon key only) nothing', async () => {
    const visitor = anonClient();
    const { error } = await visitor.from(table).select('id');
    expect(error?.code).toBe('42501');
  });
});
