import type { AccessRoute, AttendingType } from '../../schemas/service.ts';

/** FICTIONAL SAMPLE DATA: the shape of one kind of local service, instantiated per town. */
export type NeedId =
  | 'need-housing'
  | 'need-money'
  | 'need-loneliness'
  | 'need-wellbeing'
  | 'need-activity'
  | 'need-carers'
  | 'need-long-term-conditions'
  | 'need-dementia'
  | 'need-bereavement'
  | 'need-food'
  | 'need-work-learning'
  | 'need-digital'
  | 'need-practical-help'
  | 'need-hospital-discharge';

export type VenueKind = 'church hall' | 'library' | 'community centre' | 'leisure centre' | 'park' | 'family hub' | 'office';

/** weekly on one or two days, fortnightly, monthly on an nth weekday, or office hours. */
export type When = 'weekly' | 'twice weekly' | 'fortnightly' | 'monthly' | 'weekdays' | 'by appointment';

export type ServiceTemplate = {
  key: string;
  needs: NeedId[];
  /** Placeholders: {town}, {area}, {venue}. */
  names: string[];
  organisation: string;
  /** Sentences; the first is always used, then two or three of the rest in a seeded order. */
  description: string[];
  attending: AttendingType[];
  access: AccessRoute[];
  when: When;
  hours: [string, string][];
  cost?: { option: string; amount: number; description?: string };
  minAge?: number;
  maxAge?: number;
  eligibility?: string;
  venue: VenueKind | null;
};
