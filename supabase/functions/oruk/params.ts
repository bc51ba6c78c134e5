import { isValid, toNormalised } from 'postcode';
import { z } from 'zod';

/**
 * The query parameters of the ORUK 3.0 UK profile API, read with zod so a bad value is refused
 * with a message naming the parameter. Parameters the standard defines but this API does not
 * filter on are ignored, as the standard allows.
 */
export const maxPerPage = 100;
export const defaultPerPage = 50;

const wholeNumber = (name: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`));

const nonBlank = (name: string) => z.string().trim().min(1, `${name} must not be empty`).max(200, `${name} is too long`);

export const pagingSchema = z.object({
  page: wholeNumber('page', 1).default(1),
  per_page: wholeNumber('per_page', 1, maxPerPage).default(defaultPerPage),
});

export const serviceFiltersSchema = pagingSchema.extend({
  text: nonBlank('text').optional(),
  // ORUK 3.0 calls the words `search`; the UK profile's list calls them `text`. Both are read.
  search: nonBlank('search').optional(),
  taxonomy_term_id: nonBlank('taxonomy_term_id').optional(),
  taxonomy_id: nonBlank('taxonomy_id').optional(),
  vocabulary: nonBlank('vocabulary').optional(),
  organization_id: nonBlank('organization_id').optional(),
  modified_after: z
    .string()
    .refine(
      (v) => !Number.isNaN(Date.parse(v)),
      'modified_after must be a date or date and time, such as 2026-01-31 or 2026-01-31T09:00:00Z',
    )
    .transform((v) => new Date(v).toISOString())
    .optional(),
  minimum_age: wholeNumber('minimum_age', 0, 130).optional(),
  maximum_age: wholeNumber('maximum_age', 0, 130).optional(),
  postcode: z
    .string()
    .refine((v) => isValid(v), 'postcode must be a full UK postcode, such as NR1 3QU')
    .transform((v) => toNormalised(v)!)
    .optional(),
  proximity: wholeNumber('proximity', 1, 1_000_000).optional(),
});

export const taxonomyTermFiltersSchema = pagingSchema.extend({
  taxonomy_id: nonBlank('taxonomy_id').optional(),
  parent_id: nonBlank('parent_id').optional(),
  top_only: z.enum(['true', 'false'], 'top_only must be true or false').optional(),
});

export type Paging = z.infer<typeof pagingSchema>;
export type ServiceFilters = z.infer<typeof serviceFiltersSchema>;
export type TaxonomyTermFilters = z.infer<typeof taxonomyTermFiltersSchema>;

/** A parameter that cannot be used: the API answers 400 and names it. */
export class BadParameter extends Error {
  readonly parameter: string;
  constructor(parameter: string, message: string) {
    super(message);
    this.parameter = parameter;
  }
}

/** Reads the query string with a schema; a repeated parameter uses its first value. */
export function readParams<S extends z.ZodType>(schema: S, search: URLSearchParams): z.infer<S> {
  const raw: Record<string, string> = {};
  for (const [key, value] of search) if (!(key in raw)) raw[key] = value;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BadParameter(String(issue.path[0] ?? 'query'), issue.message);
  }
  return parsed.data;
}
