import { describe, expect, it } from 'vitest';
import { byLetter, byPlace } from './groups.ts';
import type { ListingSummary } from './summary.ts';

function entry(name: string, places: string[] = []): ListingSummary {
  return {
    id: name,
    name,
    organisation: null,
    summary: '',
    status: 'active',
    assuredDate: null,
    needs: [],
    places,
    points: [],
    free: false,
  };
}

describe('filing lists for the letter index and the place index', () => {
  it('files names under their first letter, ignoring quotes and accents, with anything else under #', () => {
    const groups = byLetter([entry('“Ageing Well”'), entry('Écoute'), entry('Men’s Shed'), entry('1st Steps')]);
    expect(groups.map((g) => [g.title, g.entries.map((e) => e.name)])).toEqual([
      ['A', ['“Ageing Well”']],
      ['E', ['Écoute']],
      ['M', ['Men’s Shed']],
      ['#', ['1st Steps']],
    ]);
  });

  it('files a service under every place it is in, and services with no place last', () => {
    const groups = byPlace([entry('Walk', ['Diss', 'Bungay']), entry('Helpline'), entry('Cafe', ['Diss'])]);
    expect(groups.map((g) => [g.key, g.entries.map((e) => e.name)])).toEqual([
      ['bungay', ['Walk']],
      ['diss', ['Walk', 'Cafe']],
      ['anywhere-or-online', ['Helpline']],
    ]);
  });
});
