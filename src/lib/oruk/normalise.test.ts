import { describe, expect, it } from 'vitest';
import {
  accessRoutesFrom,
  attendingTypesFrom,
  normaliseByDay,
  normaliseDate,
  normaliseEmail,
  normaliseStatus,
  normaliseTime,
  normaliseUrl,
} from './normalise.ts';

describe('repairing hand-typed feed values', () => {
  it('adds the missing https:// to web addresses and refuses things that are not addresses', () => {
    expect(normaliseUrl('www.northlincs.gov.uk')).toBe('https://www.northlincs.gov.uk/');
    expect(normaliseUrl('HTTPS://Example.org/Page')).toBe('https://example.org/Page');
    expect(normaliseUrl('see our facebook')).toBeUndefined();
    expect(normaliseUrl('javascript:alert(1)')).toBeUndefined();
  });

  it('drops zero-width spaces and a trailing full stop from email addresses, as found in the North Lincolnshire feed', () => {
    expect(normaliseEmail('\u200binfo@r-evolution.org.uk')).toBe('info@r-evolution.org.uk');
    expect(normaliseEmail('young.voice@northlincs.gov.uk.')).toBe('young.voice@northlincs.gov.uk');
    expect(normaliseEmail('mailto:Help@Example.org')).toBe('Help@Example.org');
    expect(normaliseEmail('call us')).toBeUndefined();
    expect(normaliseEmail('name@localhost')).toBeUndefined();
  });

  it('repairs web addresses with a mistyped scheme instead of making them invalid', () => {
    expect(normaliseUrl('http:www.example.org')).toBe('http://www.example.org/');
    expect(normaliseUrl('https:/example.org')).toBe('https://example.org/');
    expect(normaliseUrl('https:///example.org/groups')).toBe('https://example.org/groups');
    expect(normaliseUrl('example.org:8080/page')).toBe('https://example.org:8080/page');
  });

  it('refuses addresses in schemes a resident cannot visit', () => {
    expect(normaliseUrl('mailto:team@example.org')).toBeUndefined();
    expect(normaliseUrl('ftp://example.org')).toBeUndefined();
  });

  it('reads ISO and UK dates and ignores placeholder years', () => {
    expect(normaliseDate('2024-12-10T09:00:00Z')).toBe('2024-12-10');
    expect(normaliseDate('10/12/2024')).toBe('2024-12-10');
    expect(normaliseDate('0001-01-01')).toBeUndefined();
    expect(normaliseDate('2024-02-30')).toBeUndefined();
  });

  it('turns day names into iCal days', () => {
    expect(normaliseByDay('Monday, Thursday')).toBe('MO,TH');
    expect(normaliseByDay('1TU')).toBe('1TU');
    expect(normaliseByDay('-1FR')).toBe('-1FR');
    expect(normaliseByDay('most days')).toBeUndefined();
  });

  it('reads 9.30 and 09:30 alike', () => {
    expect(normaliseTime('9.30')).toBe('09:30:00');
    expect(normaliseTime('25:00')).toBeUndefined();
  });

  it('maps ORUK v1 statuses, attending types and access to Signpost’s', () => {
    expect(normaliseStatus('')).toBe('active');
    expect(normaliseStatus('Temporarily_Closed')).toBe('temporarily closed');
    expect(normaliseStatus('maybe')).toBeUndefined();
    expect(attendingTypesFrom('Venue')).toEqual(['in person']);
    expect(attendingTypesFrom('Phone')).toEqual(['phone']);
    expect(accessRoutesFrom('Drop-in')).toEqual(['drop in']);
    expect(accessRoutesFrom('Self referral')).toEqual(['self-referral']);
  });
});
