import { z } from 'zod';
import { optionalDate, optionalRef, optionalText, optionalTime, rowId } from './common.ts';

const weekdays = /^(-?\d)?(MO|TU|WE|TH|FR|SA|SU)(,(-?\d)?(MO|TU|WE|TH|FR|SA|SU))*$/;

/** Opening times in ORUK's iCal shape, e.g. freq WEEKLY byday "MO,WE" 10:00–12:00. */
export const scheduleSchema = z
  .object({
    id: rowId,
    service_id: optionalRef,
    service_at_location_id: optionalRef,
    freq: z
      .enum(['WEEKLY', 'MONTHLY'])
      .nullish()
      .transform((value) => value ?? null),
    interval: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((value) => value ?? null),
    byday: z
      .string()
      .regex(weekdays, 'Use iCal days such as MO,WE or 1TH')
      .nullish()
      .transform((v) => v ?? null),
    bymonthday: z
      .string()
      .regex(/^-?\d{1,2}(,-?\d{1,2})*$/)
      .nullish()
      .transform((v) => v ?? null),
    opens_at: optionalTime,
    closes_at: optionalTime,
    valid_from: optionalDate,
    valid_to: optionalDate,
    description: optionalText,
  })
  .refine((s) => s.service_id != null || s.service_at_location_id != null, {
    message: 'Opening times must belong to a service or a service at a location',
  });

export type Schedule = z.infer<typeof scheduleSchema>;
export type ScheduleInput = z.input<typeof scheduleSchema>;
