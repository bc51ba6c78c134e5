import { describe, expect, it } from 'vitest';
import { emptyState, queryFor, readState, writeState } from './search-state.ts';

describe('the search in the address', () => {
  it('round-trips every part of a search', () => {
    const state = {
      q: 'walking group',
      need: 'loneliness',
      free: true,
      attend: ['online'],
      day: 'now' as const,
      postcode: 'PE30 1AB',
      radius: 10,
      page: 3,
    };
    expect(readState(writeState(state), ['loneliness'])).toEqual(state);
  });

  it('reads the words from q, the name the home page form sends', () => {
    expect(readState('?q=lonely', []).q).toBe('lonely');
  });

  it('drops values it does not know instead of passing them on', () => {
    expect(readState('?need=x%22%20OR%201&day=XX&attend=teleport&radius=7&page=-2', ['food'])).toEqual(emptyState);
  });

  it('writes nothing for an empty search', () => {
    expect(writeState(emptyState)).toBe('');
  });
});

describe('the engine query for a search', () => {
  const now = new Date('2026-12-04T10:00:00Z');

  it('asks for services open at this moment when the day is "now"', () => {
    const query = queryFor({ ...emptyState, q: 'lunch club', day: 'now' }, null, now);
    expect(query.openAt).toBe(now);
    expect(query.day).toBeUndefined();
  });

  it('asks for a day of the week as a day, not as a moment', () => {
    const query = queryFor({ ...emptyState, day: 'TU' }, null, now);
    expect(query.day).toBe('TU');
    expect(query.openAt).toBeUndefined();
  });

  it('turns the radius in miles into kilometres around the postcode', () => {
    const query = queryFor({ ...emptyState, postcode: 'PE30 1AB', radius: 10 }, { lat: 52.75, lng: 0.4 }, now);
    expect(query.near).toEqual({ lat: 52.75, lng: 0.4, radiusKm: 16.09344 });
  });

  it('searches everywhere until the postcode has a place', () => {
    expect(queryFor({ ...emptyState, postcode: 'PE30 1AB' }, null, now).near).toBeUndefined();
  });

  it('leaves out an empty need rather than filtering on nothing', () => {
    expect(queryFor({ ...emptyState, q: 'food' }, null, now).need).toBeUndefined();
  });
});
