import type { SupabaseClient } from '@supabase/supabase-js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A team given by id or by name (any case), as people type it on the command line. */
export async function resolveTeam(admin: SupabaseClient, team: string): Promise<string> {
  const query = admin.from('teams').select('id, name');
  const { data, error } = await (uuid.test(team)
    ? query.eq('id', team)
    : query.ilike(
        'name',
        team.replace(/[\\%_]/g, (c) => `\\${c}`),
      ));
  if (error) throw new Error(`The teams could not be read: ${error.message}`);
  if (data.length === 1) return (data[0] as { id: string }).id;
  if (data.length > 1) throw new Error(`More than one team is called "${team}": give its id instead.`);
  const { data: all } = await admin.from('teams').select('name').order('name');
  throw new Error(`No team is called "${team}". Teams: ${(all ?? []).map((t: { name: string }) => t.name).join('; ')}.`);
}
