import { z } from 'zod';
import { looseArray, looseId, looseNumber, looseText } from './loose.ts';

/**
 * Open Referral UK v1 API shapes: the `/services` list item, the `/services/{id}` detail and the
 * paged list. Detail-only parts are optional so one schema reads both.
 */
export const orukV1OrganizationSchema = z.looseObject({
  id: looseId,
  name: looseText,
  description: looseText,
  url: looseText,
  email: looseText,
  logo: looseText,
  uri: looseText,
});

export const orukV1PhysicalAddressSchema = z.looseObject({
  id: looseId,
  address_1: looseText,
  city: looseText,
  state_province: looseText,
  postal_code: looseText,
  country: looseText,
});

export const orukV1LocationSchema = z.looseObject({
  id: looseId,
  name: looseText,
  description: looseText,
  latitude: looseNumber,
  longitude: looseNumber,
  physical_addresses: looseArray(orukV1PhysicalAddressSchema),
  accessibility_for_disabilities: looseArray(z.looseObject({ id: looseId, accessibility: looseText })),
});

export const orukV1ScheduleSchema = z.looseObject({
  id: looseId,
  opens_at: looseText,
  closes_at: looseText,
  valid_from: looseText,
  valid_to: looseText,
  freq: looseText,
  interval: looseNumber,
  byday: looseText,
  bymonthday: looseText,
  description: looseText,
});

export const orukV1ServiceAtLocationSchema = z.looseObject({
  id: looseId,
  location: orukV1LocationSchema.nullish(),
  regular_schedules: looseArray(orukV1ScheduleSchema),
});

export const orukV1PhoneSchema = z.looseObject({ id: looseId, number: looseText });

export const orukV1ContactSchema = z.looseObject({
  id: looseId,
  name: looseText,
  title: looseText,
  email: looseText,
  phones: looseArray(orukV1PhoneSchema),
});

export const orukV1CostOptionSchema = z.looseObject({
  id: looseId,
  valid_from: looseText,
  valid_to: looseText,
  option: looseText,
  amount: looseNumber,
  amount_description: looseText,
});

export const orukV1TaxonomySchema = z.looseObject({
  id: looseId,
  name: looseText,
  vocabulary: looseText,
  parent: z.unknown().optional(),
});

export const orukV1ServiceSchema = z.looseObject({
  id: looseId,
  name: looseText,
  description: looseText,
  url: looseText,
  email: looseText,
  status: looseText,
  fees: looseText,
  accreditations: looseText,
  deliverable_type: looseText,
  attending_type: looseText,
  attending_access: looseText,
  pc_attendingAccess_additionalInfo: looseText,
  assured_date: looseText,
  organization: orukV1OrganizationSchema.nullish(),
  pc_metadata: z.looseObject({ date_modified: looseText, date_assured: looseText, assured_by: looseText }).nullish(),
  pc_targetAudience: looseArray(z.looseObject({ id: looseId, audienceType: looseText })),
  service_at_locations: looseArray(orukV1ServiceAtLocationSchema),
  regular_schedules: looseArray(orukV1ScheduleSchema),
  contacts: looseArray(orukV1ContactSchema),
  cost_options: looseArray(orukV1CostOptionSchema),
  service_taxonomys: looseArray(z.looseObject({ id: looseId, taxonomy: orukV1TaxonomySchema.nullish() })),
  languages: looseArray(z.looseObject({ id: looseId, language: looseText })),
  service_areas: looseArray(z.looseObject({ id: looseId, service_area: looseText, extent: looseText, uri: looseText })),
  eligibilitys: looseArray(z.looseObject({ id: looseId, eligibility: looseText, minimum_age: looseNumber, maximum_age: looseNumber })),
});

/** The v1 `/services` response: Spring-style paging around a list of services. */
export const orukV1PageSchema = z.looseObject({
  content: z.array(z.unknown()),
  totalElements: z.number().optional(),
  totalPages: z.number().optional(),
  number: z.number().optional(),
});

export type OrukV1Service = z.infer<typeof orukV1ServiceSchema>;
export type OrukV1Location = z.infer<typeof orukV1LocationSchema>;
export type OrukV1Schedule = z.infer<typeof orukV1ScheduleSchema>;
