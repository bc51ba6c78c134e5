import { z } from 'zod';
import type { SessionClient } from '../supabase-session.ts';

const teamChoiceSchema = z.object({ id: z.uuid(), name: z.string() });
export type TeamChoice = z.infer<typeof teamChoiceSchema>;

/** Every team, for the invite form (staff with aal2 see hidden teams too). */
export async function loadTeams(client: SessionClient): Promise<TeamChoice[]> {
  const { data, error } = await client.from('teams').select('id, name').order('name');
  if (error) throw new Error(`The list of teams could not be loaded (${error.message}). Try again in a minute.`);
  return z.array(teamChoiceSchema).parse(data);
}
