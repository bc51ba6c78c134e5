import type { AccessRoute, AttendingType, ServiceStatus } from '../schemas/service.ts';

/**
 * Small repairs for values publishers type by hand. Each returns undefined when the value cannot
 * be used, so the caller can record a warning and keep the rest of the record.
 */

export function normaliseUrl(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  // "http:www.example.org" and "https:/example.org" are typing slips the WHATWG URL parser repairs
  // itself for http(s), as browsers do. Any other scheme ("javascript:", "mailto:") is refused.
  // Anything without a scheme ("www.example.org", "example.org:8080/page") gets https://.
  const hasWebScheme = /^https?:/i.test(value);
  if (!hasWebScheme && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(value)) return undefined;
  try {
    const url = new URL(hasWebScheme ? value : `https://${value}`);
    if (!['http:', 'https:'].includes(url.protocol) || !url.hostname.includes('.')) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/** Pasted addresses carry zero-width spaces and a full stop from the end of a sentence; both go. */
export function normaliseEmail(raw: string | undefined): string | undefined {
  const value = raw
    ?.replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/\.+$/, '');
  return value && /^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/.test(value) ? value : undefined;
}

/** Accepts 2024-12-10, 2024-12-10T09:00:00Z and 10/12/2024 (UK order). */
export function normaliseDate(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2]?.padStart(2, '0'), uk[1]?.padStart(2, '0')] : [];
  if (!y || !m || !d) return undefined;
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${m}-${d}`) return undefined;
  // Year 1 and the like are placeholders, not dates.
  return Number(y) < 1900 ? undefined : `${y}-${m}-${d}`;
}

export function normaliseTimestamp(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1900 ? undefined : date.toISOString();
}

export function normaliseTime(raw: string | undefined): string | undefined {
  const match = /^(\d{1,2})[:.](\d{2})(?::(\d{2}))?/.exec(raw?.trim() ?? '');
  if (!match) return undefined;
  const [h, m, s] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (h > 23 || m > 59 || s > 59) return undefined;
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}

const dayNames: Record<string, string> = {
  mo: 'MO',
  mon: 'MO',
  monday: 'MO',
  tu: 'TU',
  tue: 'TU',
  tues: 'TU',
  tuesday: 'TU',
  we: 'WE',
  wed: 'WE',
  wednesday: 'WE',
  th: 'TH',
  thu: 'TH',
  thur: 'TH',
  thurs: 'TH',
  thursday: 'TH',
  fr: 'FR',
  fri: 'FR',
  friday: 'FR',
  sa: 'SA',
  sat: 'SA',
  saturday: 'SA',
  su: 'SU',
  sun: 'SU',
  sunday: 'SU',
};

/** "MO,WE", "Monday, Wednesday" and "1TH" (first Thursday) all become iCal BYDAY. */
export function normaliseByDay(raw: string | undefined): string | undefined {
  const parts = (raw ?? '').split(/[,;\s]+/).filter(Boolean);
  if (parts.length === 0) return undefined;
  const days = parts.map((part) => {
    const match = /^([+-]?\d)?([a-z]+)$/i.exec(part);
    const day = match?.[2] ? dayNames[match[2].toLowerCase()] : undefined;
    return day ? `${(match?.[1] ?? '').replace('+', '')}${day}` : undefined;
  });
  return days.every(Boolean) ? days.join(',') : undefined;
}

export function normaliseFreq(raw: string | undefined): 'WEEKLY' | 'MONTHLY' | undefined {
  const value = raw?.trim().toUpperCase();
  return value === 'WEEKLY' || value === 'MONTHLY' ? value : undefined;
}

export function normaliseStatus(raw: string | undefined): ServiceStatus | undefined {
  const value = raw?.trim().toLowerCase().replace(/[_-]+/g, ' ');
  if (!value) return 'active';
  if (value === 'active' || value === 'inactive' || value === 'defunct') return value;
  if (value === 'temporarily closed' || value === 'temporarily_closed' || value === 'paused') return 'temporarily closed';
  return undefined;
}

/** ORUK v1 has one free-text attending_type; we keep the kinds we can recognise. */
export function attendingTypesFrom(raw: string | undefined): AttendingType[] {
  const value = raw?.toLowerCase() ?? '';
  const types: AttendingType[] = [];
  if (/venue|in person|in-person|face|home visit|outreach/.test(value)) types.push('in person');
  if (/online|virtual|video|web/.test(value)) types.push('online');
  if (/phone|telephone|call/.test(value)) types.push('phone');
  return types;
}

export function accessRoutesFrom(raw: string | undefined): AccessRoute[] {
  const value = raw?.toLowerCase() ?? '';
  const routes: AccessRoute[] = [];
  if (/drop[ -]?in/.test(value)) routes.push('drop in');
  if (/self[ -]?refer/.test(value)) routes.push('self-referral');
  if (/link worker|social prescri/.test(value)) routes.push('via a link worker');
  if (/professional|gp referral|referral from/.test(value)) routes.push('professional referral');
  return routes;
}

export function slug(value: string): string {
  return value
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}
