import type { FieldError } from '../govuk/ErrorSummary.tsx';

export interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** One message a field: the first problem found with it, as GOV.UK asks (never a list per field). */
export type FieldErrors = Record<string, string>;

/**
 * Turns schema issues into one message per field, keyed by the field's top-level name (a date's
 * day, month and year are one field). Issues about the whole form (no path) go under `form`.
 */
export function fieldErrorsFrom(issues: readonly Issue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.length ? String(issue.path[0]) : 'form';
    errors[field] ??= issue.message;
  }
  return errors;
}

/** Which parts of a date an issue names (`['date_of_birth', 'month']` → month), for outlining just those boxes. */
export function dateParts(issues: readonly Issue[], field: string): ('day' | 'month' | 'year')[] {
  const first = issues.find((i) => String(i.path[0]) === field);
  const part = first?.path[1];
  return part === 'day' || part === 'month' || part === 'year' ? [part] : [];
}

/** The error summary's links, in the order the fields appear on the page. */
export function summaryOf(errors: FieldErrors, order: readonly string[]): FieldError[] {
  const known = order.filter((field) => errors[field]);
  const rest = Object.keys(errors).filter((field) => !order.includes(field));
  return [...known, ...rest].map((field) => ({ href: `#${field}`, text: errors[field]! }));
}
