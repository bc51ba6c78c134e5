// Who is calling, for rate limits, audit entries and MFA challenges. GoTrue reads the address its
// edge proxy records; here that proxy is the local gateway, which replaces whatever
// X-Forwarded-For a client sent with the address it saw. Only the last hop (the one the nearest
// proxy wrote) is trusted: anything to its left was written by the caller and could be anything.
import { isIP } from 'node:net';

const withoutIpv4Prefix = (address: string) => (address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address);

export function clientAddress(forwardedFor: string | string[] | undefined, socketAddress: string | undefined): string {
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  const nearest = hops.at(-1);
  if (nearest && isIP(nearest)) return withoutIpv4Prefix(nearest);
  return withoutIpv4Prefix(socketAddress ?? '127.0.0.1');
}
