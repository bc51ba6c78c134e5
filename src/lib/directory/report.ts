import { publicConfig } from '../config.ts';
import type { Listing } from './listing.ts';

let email: string | undefined;

/** The address of the team that keeps the directory, from configuration (read once per build). */
export function directoryEmail(): string {
  email ??= publicConfig().PUBLIC_DIRECTORY_EMAIL;
  return email;
}

/**
 * "Report a problem with this listing": until curation brings its own form, an email to the
 * directory team that already names the listing, so the resident only says what is wrong.
 */
export function reportProblemLink(listing: Pick<Listing, 'id' | 'name'>): string {
  const subject = `Problem with a listing: ${listing.name}`;
  const body = `Listing: ${listing.name} (${listing.id})\n\nWhat is wrong or out of date?\n\n`;
  return `mailto:${directoryEmail()}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
