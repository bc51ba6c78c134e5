import { z } from 'zod';

/** Which PCNs a team serves; a voluntary-sector service often serves several. */
export const teamPcnSchema = z.object({ team_id: z.uuid(), pcn_id: z.uuid() });

export type TeamPcn = z.infer<typeof teamPcnSchema>;
