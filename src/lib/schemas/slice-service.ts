import { z } from 'zod';

export const sliceServiceSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'Use lower-case letters, digits and hyphens for an id'),
  name: z.string().trim().min(1, 'Give the service a name'),
  summary: z.string().trim().min(1, 'Say in a sentence what the service offers'),
  town: z.string().trim().min(1, 'Say which town the service is in'),
  published: z.boolean(),
});

export type SliceService = z.infer<typeof sliceServiceSchema>;
