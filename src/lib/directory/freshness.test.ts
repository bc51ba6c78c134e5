import { describe, expect, it } from 'vitest';
import { freshness } from './freshness.ts';

const today = new Date('2026-11-22T12:00:00Z');

describe('how fresh a listing is', () => {
  it('gives the date a person last checked it', () => {
    expect(freshness('2026-09-30', today)).toEqual({ label: 'Last checked by a person on 30 September 2026', stale: false });
  });

  it('warns when the last check was over a year ago', () => {
    expect(freshness('2025-06-01', today)).toEqual({
      label: 'Last checked by a person on 1 June 2025, over a year ago. Contact the service before you go.',
      stale: true,
    });
  });

  it('says plainly when nobody has checked it yet', () => {
    expect(freshness(null, today).stale).toBe(true);
    expect(freshness(null, today).label).toMatch(/^Not yet checked/);
  });
});
