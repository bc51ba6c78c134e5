import { z } from 'zod';
import { withoutControlCharacters } from '../schemas/common.ts';

/**
 * Field shapes for reading other people's feeds. Publishers send numbers as strings and strings
 * as numbers, null for empty, and keys we have never seen; we accept all of that and decide later
 * what is usable, so one odd field never costs a whole record. Control characters are dropped
 * (withoutControlCharacters), so a stray NUL in a feed never stops its record being stored.
 */
export const looseId = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value == null ? undefined : withoutControlCharacters(String(value)).trim() || undefined));

export const looseText = z
  .union([z.string(), z.number(), z.boolean()])
  .nullish()
  .transform((value) => (value == null ? undefined : withoutControlCharacters(String(value))));

export const looseNumber = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((value) => {
    if (value == null || value === '') return undefined;
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(n) ? n : undefined;
  });

/** An array that may be missing or null; items are kept loose and checked one by one. */
export function looseArray<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .nullish()
    .transform((items) =>
      (items ?? []).flatMap((raw) => {
        const parsed = item.safeParse(raw);
        return parsed.success ? [parsed.data] : [];
      }),
    );
}
