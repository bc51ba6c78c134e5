import { describe, expect, it } from 'vitest';
import { meiliSynonyms, prepareQuery, residentPhrases, stopWords } from './resident-words.ts';

describe('resident words', () => {
  it('rewrites a situation into the words services use, meaning first', () => {
    expect(prepareQuery("Can't pay my rent")).toMatch(/^rent debt advice/);
  });

  it('understands “someone to talk to”', () => {
    expect(prepareQuery('someone to talk to')).toMatch(/^talk listening emotional support/);
  });

  it('understands curly apostrophes as typed on phones', () => {
    expect(prepareQuery('can’t pay my rent')).toMatch(/^rent debt advice/);
  });

  it('leaves ordinary words alone', () => {
    expect(prepareQuery('  walking   group ')).toBe('walking group');
  });

  it('makes every word of a synonym group find the others', () => {
    expect(meiliSynonyms().grief).toContain('bereavement');
    expect(meiliSynonyms().bereavement).toContain('grief');
  });

  it('never treats a word a phrase means as a stop word', () => {
    const meant = residentPhrases.flatMap((p) => p.means.split(' '));
    expect(meant.filter((w) => stopWords.includes(w))).toEqual([]);
  });
});
