import { z } from 'zod';

// Control characters other than tab and line breaks (a NUL, a bell, a terminal escape).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Text without control characters, keeping tabs and line breaks. They come only from pasting out
 * of odd places or from a publisher's broken export, mean nothing to a reader, can spoof or break a
 * CSV or a terminal, and a NUL cannot be stored at all: they are dropped rather than refusing the
 * whole answer or record.
 */
export const withoutControlCharacters = (value: string): string => value.replace(controlCharacters, '');

/** Text as people and publishers send it, its control characters dropped before any other check (chain trim, min and max as usual). */
export const typedText = (params?: Parameters<typeof z.string>[0]) => z.string(params).overwrite(withoutControlCharacters);

/** Row ids are text: ORUK publishers use uuids, integers and slugs, and we keep theirs. */
export const rowId = typedText().trim().min(1, 'Every record needs an id').max(200);

/** Optional free text: blank strings from publishers mean "not given", so they become null. */
export const optionalText = typedText()
  .trim()
  .nullish()
  .transform((value) => (value == null || value === '' ? null : value));

export const optionalRef = rowId.nullish().transform((value) => value ?? null);

/** A calendar date, YYYY-MM-DD. Accepts the Date objects node-postgres returns. */
export const optionalDate = z
  .union([z.iso.date(), z.date()])
  .nullish()
  .transform((value) => (value == null ? null : value instanceof Date ? value.toISOString().slice(0, 10) : value));

/** Timestamps are normalised to UTC ISO strings so rows read by pg and by supabase-js compare equal. */
export const timestamp = z.union([z.string(), z.date()]).transform((value, ctx) => {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'Use a date and time such as 2026-11-22T10:00:00Z' });
    return z.NEVER;
  }
  return date.toISOString();
});

/** Opening and closing times; Postgres `time` comes back as HH:MM:SS. */
export const optionalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'Use a 24-hour time such as 09:30')
  .nullish()
  .transform((value) => (value == null ? null : value.length === 5 ? `${value}:00` : value));

export const optionalAge = z
  .number()
  .int()
  .min(0)
  .max(130)
  .nullish()
  .transform((value) => value ?? null);

export const latitude = z
  .number()
  .min(-90)
  .max(90)
  .nullish()
  .transform((value) => value ?? null);
export const longitude = z
  .number()
  .min(-180)
  .max(180)
  .nullish()
  .transform((value) => value ?? null);
