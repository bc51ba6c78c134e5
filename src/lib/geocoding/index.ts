export {
  normalisePostcode,
  postcodeMessages,
  type Postcode,
  type PostcodeError,
  type PostcodeErrorCode,
  type PostcodeResult,
} from './postcode.ts';
export { districtCentroid, type LatLng } from './district-table.ts';
export { geocode, isOffline, GeocodeError, type GeocodeErrorCode, type GeocodeOptions, type GeocodeResult } from './geocode.ts';
export { distanceKm } from './distance.ts';
