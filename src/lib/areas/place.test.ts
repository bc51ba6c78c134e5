import { describe, expect, it } from 'vitest';
import { areaPath, joinNames, placeName, referPath, townOf } from './place.ts';

describe('how areas are named and addressed', () => {
  it('names the place of an ICB the way residents say it', () => {
    expect(placeName('NHS Norfolk and Waveney Integrated Care Board')).toBe('Norfolk and Waveney');
    expect(placeName('NHS Devon ICB')).toBe('Devon');
  });

  it('takes the town from the last part of an address', () => {
    expect(townOf("12 High Street, King's Lynn")).toBe("King's Lynn");
    expect(townOf(null)).toBeNull();
  });

  it('joins names into a sentence', () => {
    expect(joinNames(['Diss'])).toBe('Diss');
    expect(joinNames(['Diss', 'Harleston', 'Wymondham'])).toBe('Diss, Harleston and Wymondham');
  });

  it('gives each area a page and a self-referral link carrying its code', () => {
    expect(areaPath('U90001')).toBe('/areas/u90001/');
    expect(referPath('U90001')).toBe('/refer/?pcn=U90001');
  });
});
