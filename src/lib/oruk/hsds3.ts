import { z } from 'zod';
import { typedText } from '../schemas/common.ts';

/**
 * Open Referral UK 3.0 (HSDS 3.0 UK profile) documents: the parts Signpost reads and writes.
 * Required fields follow the standard; everything else is optional and may be null, as
 * publishers send it. Unknown keys are allowed because the standard allows extensions.
 */
// Control characters are dropped from every string, read or written (typedText).
const str = typedText();
const text = str.nullish();
const num = z.number().nullish();

export const hsdsTaxonomySchema = z.looseObject({
  id: str,
  name: str,
  description: text,
  uri: text,
  version: text,
});

export const hsdsTaxonomyTermSchema = z.looseObject({
  id: str,
  code: text,
  name: str,
  description: text,
  parent_id: text,
  taxonomy: text,
  taxonomy_detail: hsdsTaxonomySchema.nullish(),
  language: text,
  taxonomy_id: text,
  term_uri: text,
});

export const hsdsAttributeSchema = z.looseObject({
  id: str,
  link_id: str,
  link_type: text,
  link_entity: text,
  taxonomy_term_id: str,
  value: text,
  label: text,
  taxonomy_term: hsdsTaxonomyTermSchema.nullish(),
});

export const hsdsOrganizationSchema = z.looseObject({
  id: str,
  name: str,
  alternate_name: text,
  description: text,
  email: text,
  website: text,
  logo: text,
  uri: text,
});

export const hsdsAddressSchema = z.looseObject({
  id: str,
  location_id: text,
  attention: text,
  address_1: text,
  address_2: text,
  city: text,
  region: text,
  state_province: text,
  postal_code: text,
  country: text,
  address_type: z.enum(['physical', 'postal', 'virtual']),
});

export const hsdsAccessibilitySchema = z.looseObject({
  id: str,
  location_id: text,
  description: text,
  details: text,
  url: text,
});

export const hsdsScheduleSchema = z.looseObject({
  id: str,
  service_id: text,
  location_id: text,
  service_at_location_id: text,
  valid_from: text,
  valid_to: text,
  freq: z.enum(['WEEKLY', 'MONTHLY']).nullish(),
  interval: num,
  byday: text,
  bymonthday: text,
  opens_at: text,
  closes_at: text,
  description: text,
});

export const hsdsPhoneSchema = z.looseObject({
  id: str,
  service_id: text,
  contact_id: text,
  number: str,
  extension: text,
  type: text,
  description: text,
});

export const hsdsContactSchema = z.looseObject({
  id: str,
  service_id: text,
  name: text,
  title: text,
  department: text,
  email: text,
  phones: z.array(hsdsPhoneSchema).nullish(),
});

export const hsdsLocationSchema = z.looseObject({
  id: str,
  location_type: z.enum(['physical', 'postal', 'virtual']),
  organization_id: text,
  name: text,
  alternate_name: text,
  description: text,
  transportation: text,
  latitude: num,
  longitude: num,
  addresses: z.array(hsdsAddressSchema).nullish(),
  accessibility: z.array(hsdsAccessibilitySchema).nullish(),
});

export const hsdsServiceAtLocationSchema = z.looseObject({
  id: str,
  service_id: text,
  location_id: text,
  description: text,
  location: hsdsLocationSchema.nullish(),
  schedules: z.array(hsdsScheduleSchema).nullish(),
});

export const hsdsCostOptionSchema = z.looseObject({
  id: str,
  service_id: text,
  valid_from: text,
  valid_to: text,
  option: text,
  currency: text,
  amount: num,
  amount_description: text,
});

export const hsdsLanguageSchema = z.looseObject({ id: str, service_id: text, name: text, code: text, note: text });

export const hsdsServiceAreaSchema = z.looseObject({
  id: str,
  service_id: text,
  name: text,
  description: text,
  extent: text,
  extent_type: text,
  uri: text,
});

export const hsdsServiceSchema = z.looseObject({
  id: str,
  organization_id: text,
  name: str,
  alternate_name: text,
  description: text,
  url: text,
  email: text,
  status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']),
  application_process: text,
  fees_description: text,
  accreditations: text,
  eligibility_description: text,
  minimum_age: num,
  maximum_age: num,
  assured_date: text,
  assurer_email: text,
  last_modified: text,
  organization: hsdsOrganizationSchema.nullish(),
  service_at_locations: z.array(hsdsServiceAtLocationSchema).nullish(),
  schedules: z.array(hsdsScheduleSchema).nullish(),
  cost_options: z.array(hsdsCostOptionSchema).nullish(),
  contacts: z.array(hsdsContactSchema).nullish(),
  phones: z.array(hsdsPhoneSchema).nullish(),
  languages: z.array(hsdsLanguageSchema).nullish(),
  service_areas: z.array(hsdsServiceAreaSchema).nullish(),
  attributes: z.array(hsdsAttributeSchema).nullish(),
});

/** The paged list shape of the ORUK 3.0 API (`/services`). */
export const hsdsPageSchema = z.looseObject({
  total_items: z.number().int(),
  total_pages: z.number().int(),
  page_number: z.number().int(),
  size: z.number().int(),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean(),
  contents: z.array(z.unknown()),
});

export type HsdsService = z.infer<typeof hsdsServiceSchema>;
export type HsdsServiceInput = z.input<typeof hsdsServiceSchema>;
export type HsdsLocation = z.infer<typeof hsdsLocationSchema>;
export type HsdsSchedule = z.infer<typeof hsdsScheduleSchema>;
export type HsdsAttribute = z.infer<typeof hsdsAttributeSchema>;
export type HsdsTaxonomyTerm = z.infer<typeof hsdsTaxonomyTermSchema>;
export type HsdsPage = z.infer<typeof hsdsPageSchema>;
