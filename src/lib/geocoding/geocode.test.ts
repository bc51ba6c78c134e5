import { describe, expect, it } from 'vitest';
import { distanceKm } from './distance.ts';
import { GeocodeError, geocode } from './geocode.ts';

/** Records the addresses asked for and answers as postcodes.io would; no request leaves this machine. */
function postcodesIo(answer: (url: string) => Response | Promise<Response>) {
  const asked: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = input instanceof Request ? input.url : input.toString();
    asked.push(url);
    return answer(url);
  }) as typeof globalThis.fetch;
  return { asked, fetch };
}

const found = (latitude: number | null, longitude: number | null) =>
  Response.json({ status: 200, result: { postcode: 'PE30 1EX', latitude, longitude } });

describe('geocoding a postcode', () => {
  it('uses the point postcodes.io gives for the postcode', async () => {
    const server = postcodesIo(() => found(52.7529, 0.3961));
    const result = await geocode('pe30 1ex', { baseUrl: 'https://postcodes.example.org/', fetch: server.fetch });
    expect(result).toEqual({ postcode: 'PE30 1EX', point: { lat: 52.7529, lng: 0.3961 }, precision: 'postcode' });
    expect(server.asked).toEqual(['https://postcodes.example.org/postcodes/PE301EX']);
  });

  it('falls back to the district centre when postcodes.io cannot be reached', async () => {
    const server = postcodesIo(() => Promise.reject(new TypeError('fetch failed')));
    const result = await geocode('PE30 1EX', { baseUrl: 'https://postcodes.example.org', fetch: server.fetch });
    expect(result.precision).toBe('district');
    expect(distanceKm(result.point, { lat: 52.7543, lng: 0.3976 })).toBeLessThan(5); // King's Lynn
  });

  it('falls back to the district centre when postcodes.io does not know the postcode', async () => {
    const server = postcodesIo(() => Response.json({ status: 404, error: 'Postcode not found' }, { status: 404 }));
    const result = await geocode('DL13 9ZZ', { baseUrl: 'https://postcodes.example.org', fetch: server.fetch });
    expect(result).toMatchObject({ postcode: 'DL13 9ZZ', precision: 'district' });
  });

  it('falls back to the district centre when postcodes.io has no point for the postcode', async () => {
    const server = postcodesIo(() => found(null, null));
    expect((await geocode('PE30 1EX', { baseUrl: 'https://postcodes.example.org', fetch: server.fetch })).precision).toBe('district');
  });

  it('asks nobody when switched off', async () => {
    for (const baseUrl of ['offline', '']) {
      const server = postcodesIo(() => found(1, 1));
      const result = await geocode('NG18 1AA', { baseUrl, fetch: server.fetch });
      expect(result.precision).toBe('district');
      expect(server.asked).toEqual([]);
      expect(distanceKm(result.point, { lat: 53.1435, lng: -1.1984 })).toBeLessThan(5); // Mansfield
    }
  });

  it('finds a London sub-district by its outward code', async () => {
    const result = await geocode('SW1A 2AA', { baseUrl: 'offline' });
    expect(distanceKm(result.point, { lat: 51.5034, lng: -0.1276 })).toBeLessThan(2); // Whitehall
  });

  it('refuses a malformed postcode with the reason, before asking anyone', async () => {
    const server = postcodesIo(() => found(1, 1));
    const error = await geocode('PE30', { baseUrl: 'https://postcodes.example.org', fetch: server.fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeocodeError);
    expect(error).toMatchObject({ code: 'invalid', postcodeError: { code: 'outcode_only' } });
    expect(server.asked).toEqual([]);
  });

  it('says it could not find a well-formed postcode in a district nobody knows', async () => {
    const error = await geocode('QQ1 1AA', { baseUrl: 'offline' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'not_found', message: 'We could not find QQ1 1AA. Check the postcode and try again.' });
  });
});

describe('distance between two points', () => {
  it('is about 60 km from Norwich to King’s Lynn', () => {
    expect(distanceKm({ lat: 52.6285, lng: 1.2927 }, { lat: 52.7543, lng: 0.3976 })).toBeCloseTo(62, 0);
  });
});
