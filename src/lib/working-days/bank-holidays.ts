import { z } from 'zod';
import data from './bank-holidays-england-and-wales.json' with { type: 'json' };

/** GOV.UK's bank holidays for England and Wales (see SOURCE.md), checked once as they load. */
const bankHolidaysSchema = z.object({
  division: z.literal('england-and-wales'),
  events: z.array(z.object({ title: z.string().min(1), date: z.iso.date(), notes: z.string() })).min(1),
});

export const bankHolidays = bankHolidaysSchema.parse(data).events;
export const bankHolidayDates: ReadonlySet<string> = new Set(bankHolidays.map((event) => event.date));

/** The years the data covers: working days cannot be counted reliably outside them. */
export const bankHolidayYears = {
  first: Number(bankHolidays[0]!.date.slice(0, 4)),
  last: Number(bankHolidays.at(-1)!.date.slice(0, 4)),
};
