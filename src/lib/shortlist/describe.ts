import type { HsdsService } from '../oruk/hsds3.ts';
import { describeSchedule } from '../directory/schedule-text.ts';
import { statusWords } from '../directory/words.ts';

/** What a printed shortlist says of one service: name, when, where and how to contact them. */
export interface ShortlistItem {
  id: string;
  name: string;
  status: string | null;
  when: string[];
  where: string | null;
  phone: string | null;
  email: string | null;
}

/** From the service's Open Referral UK document, which the build publishes at /oruk/services/<id>.json. */
export function describeForShortlist(service: HsdsService): ShortlistItem {
  const places = service.service_at_locations ?? [];
  const schedules = [...(service.schedules ?? []), ...places.flatMap((p) => p.schedules ?? [])];
  const located = places.map((p) => p.location).find((l) => l && l.location_type !== 'virtual');
  const address = located?.addresses?.find((a) => a.address_type !== 'virtual');
  const where = located
    ? [located.name, address?.address_1, address?.address_2, address?.city, address?.postal_code].filter(Boolean).join(', ')
    : null;
  const phone = service.phones?.[0]?.number ?? service.contacts?.flatMap((c) => c.phones ?? [])[0]?.number ?? null;
  return {
    id: service.id,
    name: service.name,
    status: statusWords(service.status),
    when: schedules
      .map((s) =>
        describeSchedule({
          freq: s.freq ?? null,
          interval: s.interval ?? null,
          byday: s.byday ?? null,
          bymonthday: s.bymonthday ?? null,
          opens_at: s.opens_at ?? null,
          closes_at: s.closes_at ?? null,
          description: s.description ?? null,
        }),
      )
      .filter((t): t is string => Boolean(t)),
    where: where || null,
    phone,
    email: service.email ?? service.contacts?.find((c) => c.email)?.email ?? null,
  };
}
