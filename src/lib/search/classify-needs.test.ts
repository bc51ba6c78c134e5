import { describe, expect, it } from 'vitest';
import { classifyNeeds } from './classify-needs.ts';
import { needsLexicon } from './needs-lexicon.ts';

describe('telling a service’s needs from its own words', () => {
  it.each([
    ['Food Bank', 'food'],
    ['Community Pantry', 'food'],
    ['Debt advice drop-in', 'money'],
    ['Help to Claim Universal Credit', 'money'],
    ['Befriending service', 'loneliness'],
    ['Thursday Lunch Club', 'loneliness'],
    ['Village Hall Coffee Mornings', 'loneliness'],
    ['Alcohol recovery group', 'alcohol-drugs'],
    ['Warm Space at the library', 'warm-places'],
    ['Bereavement Cafe', 'bereavement'],
    ['Grief Cafe', 'bereavement'],
    ["Men's Shed", 'loneliness'],
    ['Carers Peer Support Group', 'carers'],
    ['Dementia Cafe', 'dementia'],
    ['Walking Football', 'physical-activity'],
  ])('puts “%s” under %s from its name alone', (name, need) => {
    expect(classifyNeeds({ name })).toContain(need);
  });

  it('reads the description when the name says nothing', () => {
    const needs = classifyNeeds({ name: 'The Hub', description: 'Free, confidential debt advice and help claiming benefits.' });
    expect(needs).toContain('money');
  });

  it('does not give a need for one word mentioned in passing in the description', () => {
    expect(classifyNeeds({ name: 'Bell Ringers', description: 'Coffee after practice.' })).not.toContain('loneliness');
  });

  it('uses the categories a feed gave', () => {
    expect(classifyNeeds({ name: 'Drop-in', categories: ['Debt advice'] })).toContain('money');
  });

  it('matches plurals and apostrophes whichever way they are written', () => {
    expect(classifyNeeds({ name: 'Carers’ Groups' })).toContain('carers');
    expect(classifyNeeds({ name: 'Mens Sheds' })).toContain('loneliness');
  });

  it('gives no need for words it has no evidence for', () => {
    expect(classifyNeeds({ name: 'Board of trustees AGM' })).toEqual([]);
  });

  it('keeps every lexicon entry free of empty words', () => {
    for (const entry of Object.values(needsLexicon)) for (const word of [...entry.strong, ...entry.weak]) expect(word.trim()).toBe(word);
  });
});
