import type { IncomingHttpHeaders, ServerResponse } from 'node:http';

// The gateway alone decides which browser origins may read its answers, on every route. An
// upstream's own CORS headers (PostgREST answers `Access-Control-Allow-Origin: *`) are dropped,
// or a page on any origin could read what the gateway meant to keep to the site.

const corsHeaders = {
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD',
  'Access-Control-Allow-Headers':
    'authorization, apikey, content-type, x-client-info, x-supabase-api-version, prefer, range, accept, accept-profile, content-profile, x-retry-count',
  'Access-Control-Expose-Headers': 'content-range, content-location, x-supabase-api-version, location',
  'Access-Control-Max-Age': '3600',
};

/** Sets the gateway's CORS answer for this request's Origin (none for an origin not allowed). */
export function applyCors(res: ServerResponse, origin: string | undefined, allowedOrigins: string[]): void {
  res.setHeader('Vary', 'Origin');
  if (!origin || !allowedOrigins.includes(origin)) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  for (const [name, value] of Object.entries(corsHeaders)) res.setHeader(name, value);
}

/** An upstream's headers without its CORS decisions, its Vary merged with the gateway's. */
export function upstreamHeadersWithoutCors(res: ServerResponse, upstream: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(upstream)) {
    if (name.startsWith('access-control-')) continue;
    if (name === 'vary') {
      const ours = res.getHeader('vary');
      out.vary = [ours, value].filter(Boolean).join(', ');
      continue;
    }
    out[name] = value;
  }
  return out;
}
