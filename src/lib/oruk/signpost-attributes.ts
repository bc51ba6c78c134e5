import { type AccessRoute, accessRoutes, type AttendingType, attendingTypes } from '../schemas/service.ts';
import { slug } from './normalise.ts';

/**
 * HSDS 3.0 has no fields for how people attend or how they get in, so Signpost publishes them as
 * attributes pointing at two small fixed vocabularies. Import reads them back into the service.
 */
export const attendingTaxonomy = { id: 'signpost-attending-types', name: 'How people attend' } as const;
export const accessTaxonomy = { id: 'signpost-access-routes', name: 'How people get in' } as const;

export const attendingTermId = (type: AttendingType) => `attending-${slug(type)}`;
export const accessTermId = (route: AccessRoute) => `access-${slug(route)}`;

const attendingByTermId = new Map(attendingTypes.map((t) => [attendingTermId(t), t]));
const accessByTermId = new Map(accessRoutes.map((r) => [accessTermId(r), r]));

export function attendingTypeForTerm(termId: string): AttendingType | undefined {
  return attendingByTermId.get(termId);
}

export function accessRouteForTerm(termId: string): AccessRoute | undefined {
  return accessByTermId.get(termId);
}
