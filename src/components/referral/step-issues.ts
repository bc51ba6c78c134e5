import type { z } from 'zod';
import type { Issue } from './field-errors.ts';

/** The problems a schema finds, kept to the fields one page asks for (a page never shows another page's errors). */
export function issuesFor(schema: z.ZodType, input: unknown, fields: readonly string[]): Issue[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.filter((issue) => issue.path.length === 0 || fields.includes(String(issue.path[0])));
}

/** `yes`/`no` radios as the schema's boolean; unanswered stays undefined so the schema asks for it. */
export function yesNo(value: string): boolean | undefined {
  return value === 'yes' ? true : value === 'no' ? false : undefined;
}

/**
 * An optional date from GOV.UK date boxes: null when all are empty, otherwise YYYY-MM-DD as typed,
 * which the schema then accepts only when it is a real date.
 */
export function optionalIsoDate(parts: { day: string; month: string; year: string }): string | null {
  const [day, month, year] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (!day && !month && !year) return null;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
