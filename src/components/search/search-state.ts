import { attendingChoices, type ServiceQuery } from '../../lib/search/client.ts';
import { dayCodes, type DayCode } from '../../lib/search/opening.ts';

/**
 * Everything a search is, as it travels in the address (?q=…&need=…&free=1&attend=online&day=now
 * &postcode=…&radius=5&page=2): shareable, and Back returns to it. One name per thing: `q` for the
 * words, everywhere (the home page's form sends it too).
 */
export interface SearchState {
  q: string;
  need: string;
  free: boolean;
  attend: string[];
  day: '' | 'now' | DayCode;
  postcode: string;
  radius: number;
  /** How many pages of results are shown ("Show more" adds one). */
  page: number;
}

export const radiusChoices = [1, 3, 5, 10, 25] as const;
export const defaultRadius = 5;
export const pageSize = 20;

export const emptyState: SearchState = { q: '', need: '', free: false, attend: [], day: '', postcode: '', radius: defaultRadius, page: 1 };

export function readState(search: string, needCodes: string[]): SearchState {
  const params = new URLSearchParams(search);
  const need = params.get('need') ?? '';
  const day = params.get('day') ?? '';
  const radius = Number(params.get('radius'));
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    need: needCodes.includes(need) ? need : '',
    free: params.get('free') === '1',
    attend: params.getAll('attend').filter((a) => (attendingChoices as readonly string[]).includes(a)),
    day: day === 'now' || (dayCodes as readonly string[]).includes(day) ? (day as SearchState['day']) : '',
    postcode: (params.get('postcode') ?? '').trim().slice(0, 10),
    radius: (radiusChoices as readonly number[]).includes(radius) ? radius : defaultRadius,
    page: Number.isInteger(page) && page > 1 && page <= 50 ? page : 1,
  };
}

export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.need) params.set('need', state.need);
  if (state.free) params.set('free', '1');
  for (const a of state.attend) params.append('attend', a);
  if (state.day) params.set('day', state.day);
  if (state.postcode) {
    params.set('postcode', state.postcode);
    params.set('radius', String(state.radius));
  }
  if (state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Whether there is anything to search for (words, a need, a filter or a place). */
export function hasQuery(state: SearchState): boolean {
  return Boolean(state.q || state.need || state.free || state.attend.length || state.day || state.postcode);
}

const kmPerMile = 1.609344;

/**
 * The engine query for a search: the day, or "open now" at `now`, and within the radius (in miles)
 * of the searched postcode's point, once it is known.
 */
export function queryFor(state: SearchState, from: { lat: number; lng: number } | null, now: Date): ServiceQuery {
  return {
    words: state.q,
    need: state.need || undefined,
    free: state.free,
    attending: state.attend,
    day: state.day && state.day !== 'now' ? state.day : undefined,
    openAt: state.day === 'now' ? now : undefined,
    near: from ? { ...from, radiusKm: state.radius * kmPerMile } : undefined,
  };
}
