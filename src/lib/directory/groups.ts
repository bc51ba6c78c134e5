import { slug } from '../oruk/normalise.ts';
import { letterOf, type ListingSummary } from './summary.ts';

export interface Group {
  key: string;
  title: string;
  entries: ListingSummary[];
}

export const alphabet = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '#'];

/**
 * Above this many services the A to Z is one page per letter: a single page of 100,000 services
 * would be tens of megabytes, more than an old phone can open.
 */
export const onePageLimit = 2000;

export const letterKey = (letter: string) => (letter === '#' ? 'other' : letter.toLowerCase());

/** Entries (already in name order) filed under their first letter, in alphabet order. */
export function byLetter(entries: ListingSummary[]): Group[] {
  const groups = new Map<string, ListingSummary[]>();
  for (const e of entries) {
    const letter = letterOf(e.name);
    const group = groups.get(letter);
    if (group) group.push(e);
    else groups.set(letter, [e]);
  }
  return alphabet.filter((l) => groups.has(l)).map((l) => ({ key: letterKey(l), title: l, entries: groups.get(l)! }));
}

/**
 * Entries filed under each town or area they are in, places in name order, so a list can be
 * narrowed to where the resident lives by following a link, with no JavaScript. Services that
 * say nothing of where they are come last, under "Anywhere or online".
 */
export function byPlace(entries: ListingSummary[]): Group[] {
  const groups = new Map<string, ListingSummary[]>();
  for (const e of entries) {
    for (const place of e.places.length ? e.places : ['Anywhere or online']) {
      const group = groups.get(place);
      if (group) group.push(e);
      else groups.set(place, [e]);
    }
  }
  return [...groups.keys()]
    .sort((a, b) => (a === 'Anywhere or online' ? 1 : b === 'Anywhere or online' ? -1 : a.localeCompare(b, 'en-GB')))
    .map((place) => ({ key: slug(place) || 'place', title: place, entries: groups.get(place)! }));
}
