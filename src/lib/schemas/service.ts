import { z } from 'zod';
import { optionalAge, optionalDate, optionalRef, optionalText, rowId, timestamp, typedText } from './common.ts';

export const serviceStatuses = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export const attendingTypes = ['in person', 'online', 'phone'] as const;
export const accessRoutes = ['drop in', 'self-referral', 'via a link worker', 'professional referral'] as const;

export const serviceStatusSchema = z.enum(serviceStatuses);
export const attendingTypeSchema = z.enum(attendingTypes);
export const accessRouteSchema = z.enum(accessRoutes);

/** A service (ORUK `service`) plus how people attend and how they get in. */
export const serviceSchema = z
  .object({
    id: rowId,
    organization_id: optionalRef,
    name: typedText().trim().min(1, 'Give the service a name'),
    alternate_name: optionalText,
    description: optionalText,
    url: optionalText,
    email: optionalText,
    status: serviceStatusSchema.default('active'),
    fees_description: optionalText,
    accreditations: optionalText,
    eligibility_description: optionalText,
    application_process: optionalText,
    minimum_age: optionalAge,
    maximum_age: optionalAge,
    assured_date: optionalDate,
    assurer_email: optionalText,
    attending_types: z.array(attendingTypeSchema).default([]),
    access_routes: z.array(accessRouteSchema).default([]),
    published: z.boolean().default(false),
    last_modified: timestamp.optional(),
    created_at: timestamp.optional(),
    updated_at: timestamp.optional(),
  })
  .refine((s) => s.minimum_age == null || s.maximum_age == null || s.minimum_age <= s.maximum_age, {
    message: 'The minimum age is above the maximum age',
    path: ['maximum_age'],
  });

export type Service = z.infer<typeof serviceSchema>;
export type ServiceInput = z.input<typeof serviceSchema>;
export type ServiceStatus = z.infer<typeof serviceStatusSchema>;
export type AttendingType = z.infer<typeof attendingTypeSchema>;
export type AccessRoute = z.infer<typeof accessRouteSchema>;
