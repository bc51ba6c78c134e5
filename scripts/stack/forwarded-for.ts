import type { IncomingHttpHeaders } from 'node:http';

// Headers through which a client could claim to be someone else. Upstream services (the Auth
// server's rate limits above all) read the caller's address from X-Forwarded-For, so the
// gateway drops whatever the client sent and records the address it actually saw, as
// Supabase's edge does in front of hosted Auth.
const clientClaimedAddressHeaders = [
  'x-forwarded-for',
  'x-real-ip',
  'forwarded',
  'x-client-ip',
  'true-client-ip',
  'cf-connecting-ip',
  'sb-forwarded-for',
];

export function withForwardedFor(headers: IncomingHttpHeaders, socketAddress: string | undefined): IncomingHttpHeaders {
  const out = { ...headers };
  for (const name of clientClaimedAddressHeaders) delete out[name];
  out['x-forwarded-for'] = socketAddress ?? '127.0.0.1';
  return out;
}
