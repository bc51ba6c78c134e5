import { z } from 'zod';
import { districtCentroid, type LatLng } from './district-table.ts';
import { normalisePostcode, type Postcode, type PostcodeError } from './postcode.ts';

/**
 * The one client for turning a UK postcode into a point: postcodes.io (or a self-hosted copy at
 * another address) when it can be reached, and the bundled district table when it cannot, when it
 * does not know the postcode, or when it is switched off with the base URL `offline` (tests, or a
 * deployment that must make no outside call).
 */
export interface GeocodeOptions {
  /** postcodes.io's address, e.g. https://api.postcodes.io; `offline` or empty uses only the district table. */
  baseUrl: string;
  /** The fetch to use (the browser's or Node's by default). */
  fetch?: typeof globalThis.fetch;
  /** How long to wait for postcodes.io before falling back, in milliseconds. */
  timeoutMs?: number;
}

export interface GeocodeResult {
  /** The normalised postcode, "PE30 1AB". */
  postcode: string;
  point: LatLng;
  /** `postcode` when postcodes.io placed the postcode itself; `district` when it is the centre of its district. */
  precision: 'postcode' | 'district';
}

export type GeocodeErrorCode = 'invalid' | 'not_found';

export class GeocodeError extends Error {
  readonly code: GeocodeErrorCode;
  readonly postcodeError: PostcodeError | undefined;

  constructor(code: GeocodeErrorCode, message: string, postcodeError?: PostcodeError) {
    super(message);
    this.name = 'GeocodeError';
    this.code = code;
    this.postcodeError = postcodeError;
  }
}

const postcodesIoResponse = z.object({
  result: z.object({ postcode: z.string(), latitude: z.number().nullable(), longitude: z.number().nullable() }),
});

export function isOffline(baseUrl: string): boolean {
  return baseUrl.trim() === '' || baseUrl.trim().toLowerCase() === 'offline';
}

/** Asks postcodes.io; null when it does not know the postcode, has no point for it, or cannot be reached. */
async function askPostcodesIo(postcode: Postcode, options: GeocodeOptions): Promise<LatLng | null> {
  if (isOffline(options.baseUrl)) return null;
  const doFetch = options.fetch ?? globalThis.fetch;
  const url = `${options.baseUrl.trim().replace(/\/+$/, '')}/postcodes/${encodeURIComponent(postcode.postcode.replace(' ', ''))}`;
  try {
    const response = await doFetch(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
      headers: { accept: 'application/json' },
    });
    if (!response.ok) return null;
    const parsed = postcodesIoResponse.safeParse(await response.json());
    if (!parsed.success) return null;
    const { latitude, longitude } = parsed.data.result;
    return latitude === null || longitude === null ? null : { lat: latitude, lng: longitude };
  } catch {
    // Offline, timed out, refused or blocked: the district table still gives a useful answer.
    return null;
  }
}

/**
 * Geocodes what a resident typed. Throws a GeocodeError with a message for the resident when the
 * postcode is malformed (`invalid`) or neither postcodes.io nor the district table knows it (`not_found`).
 */
export async function geocode(input: string, options: GeocodeOptions): Promise<GeocodeResult> {
  const normalised = normalisePostcode(input);
  if (!normalised.ok) throw new GeocodeError('invalid', normalised.error.message, normalised.error);
  const postcode = normalised.value;

  const exact = await askPostcodesIo(postcode, options);
  if (exact) return { postcode: postcode.postcode, point: exact, precision: 'postcode' };

  const centre = await districtCentroid(postcode);
  if (centre) return { postcode: postcode.postcode, point: centre, precision: 'district' };

  throw new GeocodeError('not_found', `We could not find ${postcode.postcode}. Check the postcode and try again.`);
}
