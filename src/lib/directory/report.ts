import { publicConfig } from '../config.ts';
import type { Listing } from './listing.ts';

let email: string | undefined;

/** The address of the team that keeps the directory, from configuration (read once per build). */
export function directoryEmail(): string {
  email ??= publicConfig().PUBLIC_DIRECTORY_EMAIL;
  return email;
}

/**
 * "Report a problem with this listing": a plain link to the report form, which names the listing,
 * so the service page itself ships no JavaScript.
 */
export function reportProblemLink(listing: Pick<Listing, 'id'>): string {
  return `/report/?service=${encodeURIComponent(listing.id)}`;
}
