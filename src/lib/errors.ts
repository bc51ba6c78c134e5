import type { z } from 'zod';

/** Base for every error Signpost raises on purpose: the message is meant for the person reading it. */
export class SignpostError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ConfigError extends SignpostError {}

/** One line per problem, naming the field, so a person can fix it without reading a stack trace. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `- ${issue.path.join('.') || '(value)'}: ${issue.message}`).join('\n');
}
