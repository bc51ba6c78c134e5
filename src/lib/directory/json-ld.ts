import type { Listing } from './listing.ts';

/**
 * Serialises JSON-LD for a `<script type="application/ld+json">` element so that no listing text
 * can end the element or start markup: `<`, `>` and `&` become JSON escapes (still the same
 * strings to any JSON reader), as do the two line separators older parsers choke on.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A service as schema.org describes one, for search engines and assistive tools. */
export function serviceJsonLd(listing: Listing, pageUrl: string): Record<string, unknown> {
  const places = listing.locations.map((l) => ({
    '@type': 'Place',
    ...(l.name ? { name: l.name } : {}),
    address: {
      '@type': 'PostalAddress',
      streetAddress: l.address.filter((line) => line !== l.town).join(', '),
      ...(l.town ? { addressLocality: l.town } : {}),
      ...(l.postcode ? { postalCode: l.postcode } : {}),
      addressCountry: 'GB',
    },
    ...(l.latitude != null && l.longitude != null
      ? { geo: { '@type': 'GeoCoordinates', latitude: l.latitude, longitude: l.longitude } }
      : {}),
  }));
  return {
    '@context': 'https://schema.org',
    '@type': 'Service',
    '@id': pageUrl,
    url: pageUrl,
    name: listing.name,
    ...(listing.summary ? { description: listing.summary } : {}),
    ...(listing.organisation
      ? {
          provider: {
            '@type': 'Organization',
            name: listing.organisation.name,
            ...(listing.organisation.url ? { url: listing.organisation.url } : {}),
          },
        }
      : {}),
    ...(listing.areas.length ? { areaServed: listing.areas.map((name) => ({ '@type': 'AdministrativeArea', name })) } : {}),
    ...(listing.needs.length ? { serviceType: listing.needs.map((n) => n.label) } : {}),
    ...(listing.languages.length ? { availableLanguage: listing.languages } : {}),
    availableChannel: {
      '@type': 'ServiceChannel',
      ...(listing.url ? { serviceUrl: listing.url } : {}),
      ...(listing.phones[0] ? { servicePhone: { '@type': 'ContactPoint', telephone: listing.phones[0].number } } : {}),
      ...(places.length ? { serviceLocation: places } : {}),
    },
    ...(listing.free ? { offers: { '@type': 'Offer', price: 0, priceCurrency: 'GBP' } } : {}),
  };
}
