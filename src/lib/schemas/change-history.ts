import { z } from 'zod';
import { timestamp } from './common.ts';

/** One recorded change to a listing, in ORUK's metadata shape. Written only by triggers. */
export const changeHistorySchema = z.object({
  id: z.uuid(),
  resource_id: z.string(),
  resource_type: z.string(),
  field_name: z.string(),
  previous_value: z.string().nullable(),
  replacement_value: z.string().nullable(),
  updated_by: z.string(),
  updated_by_user_id: z.uuid().nullable(),
  last_action_date: timestamp,
  last_action_type: z.enum(['create', 'update', 'delete']),
});

export type ChangeHistory = z.infer<typeof changeHistorySchema>;
