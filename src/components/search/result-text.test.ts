import { describe, expect, it } from 'vitest';
import { distanceText, openNowText, placeText, statusNotes } from './result-text.ts';

describe('what a result card says', () => {
  it('says plainly when a service is closed, not running or never checked', () => {
    expect(statusNotes({ status: 'temporarily closed', checked: true })).toEqual(['Closed for now']);
    expect(statusNotes({ status: 'inactive', checked: true })).toEqual(['Not running at the moment']);
    expect(statusNotes({ status: 'active', checked: false })).toEqual(['Not yet checked by a person']);
    expect(statusNotes({ status: 'active', checked: true })).toEqual([]);
  });

  it('gives the distance to the nearest of several places', () => {
    const from = { lat: 52.75, lng: 0.4 };
    const far = { lat: 52.0, lng: 0.4 };
    expect(distanceText({ places: [far, { lat: 52.76, lng: 0.4 }] }, from)).toBe('0.7 miles away');
  });

  it('tells same-named services apart by town, or by the area they serve', () => {
    expect(placeText({ towns: ['Crook'], areas: ['Durham Dales'], attending: [] })).toBe('Crook');
    expect(placeText({ towns: [], areas: ['Durham Dales'], attending: [] })).toBe('Serves Durham Dales');
  });

  it('says open now only for a running service in its hours', () => {
    const sessions = [
      {
        freq: 'WEEKLY' as const,
        interval: null,
        byday: 'TU',
        bymonthday: null,
        opens_at: '10:00:00',
        closes_at: '12:00:00',
        valid_from: null,
        valid_to: null,
      },
    ];
    const tuesday11 = new Date('2026-01-13T11:00:00Z');
    expect(openNowText({ sessions, status: 'active' }, tuesday11)).toBe('Open now');
    expect(openNowText({ sessions, status: 'temporarily closed' }, tuesday11)).toBeNull();
  });
});
