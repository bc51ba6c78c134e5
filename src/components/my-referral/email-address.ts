import { z } from 'zod';

const emailSchema = z.email();

/** The GOV.UK messages for an email address, or null when it will do. */
export function emailProblem(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return 'Enter your email address';
  return emailSchema.safeParse(trimmed).success ? null : 'Enter an email address in the correct format, like name@example.com';
}
