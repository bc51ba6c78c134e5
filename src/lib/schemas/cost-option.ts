import { z } from 'zod';
import { optionalDate, optionalText, rowId, typedText } from './common.ts';

/** What a service costs (ORUK `cost_option`). node-postgres returns numeric as a string. */
export const costOptionSchema = z.object({
  id: rowId,
  service_id: rowId,
  valid_from: optionalDate,
  valid_to: optionalDate,
  option: optionalText,
  currency: typedText()
    .length(3)
    .nullish()
    .transform((value) => value ?? 'GBP'),
  amount: z.coerce
    .number()
    .min(0)
    .nullish()
    .transform((value) => value ?? null),
  amount_description: optionalText,
});

export type CostOption = z.infer<typeof costOptionSchema>;
export type CostOptionInput = z.input<typeof costOptionSchema>;
