import { describe, expect, it } from 'vitest';
import { emptyState, readState, writeState } from './search-state.ts';

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
