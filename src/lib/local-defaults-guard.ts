import { ConfigError } from './errors.ts';
import { supabaseKeyKind } from './supabase-keys.ts';

/**
 * A production build must not ship the local stack's settings: the local URLs point at nothing a
 * visitor can reach, and the local keys are public development keys. This names every variable
 * that still holds one, so a deployment fails loudly instead of silently pointing at 127.0.0.1.
 */

const localHosts = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '0.0.0.0']);

export function isLocalUrl(value: string): boolean {
  try {
    const { hostname } = new URL(value);
    return localHosts.has(hostname) || hostname.endsWith('.localhost');
  } catch {
    return false;
  }
}

/**
 * Why this run counts as production, or undefined when it does not: SIGNPOST_ENV=production, or
 * NODE_ENV=production when SIGNPOST_ENV is not set (SIGNPOST_ENV=development wins, because
 * `astro build` sets NODE_ENV=production for every build), or a public site address that is not local.
 */
export function productionReason(env: Record<string, string | undefined>): string | undefined {
  if (env.SIGNPOST_ENV === 'production') return 'SIGNPOST_ENV=production';
  if (!env.SIGNPOST_ENV && env.NODE_ENV === 'production') return 'NODE_ENV=production';
  if (env.PUBLIC_SITE_URL && !isLocalUrl(env.PUBLIC_SITE_URL)) return `PUBLIC_SITE_URL is ${env.PUBLIC_SITE_URL}`;
  return undefined;
}

/** The local stack's keys are well known: the Supabase CLI's demo JWTs (iss supabase-demo) and fixed values. */
function isDemoJwt(value: string): boolean {
  const kind = supabaseKeyKind(value);
  if (kind !== 'legacy-anon' && kind !== 'legacy-service-role') return false;
  try {
    const claims = JSON.parse(atob(value.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { iss?: unknown };
    return claims.iss === 'supabase-demo';
  } catch {
    return false;
  }
}

export type LocalCheck = (value: string) => boolean;

export const localChecks = {
  url: isLocalUrl,
  /** One of `values`, or a Supabase CLI demo JWT. */
  oneOf:
    (...values: string[]): LocalCheck =>
    (value) =>
      values.includes(value) || isDemoJwt(value),
  /** A bare host name, as SMTP_HOST takes. */
  host: (value: string) => localHosts.has(value.toLowerCase()) || value.toLowerCase().endsWith('.localhost'),
  /** An email address (or `Name <address>`) at a local domain, which no real mail server accepts mail from. */
  emailAtLocalDomain: (value: string) => {
    const domain = /@([^\s>]+)>?\s*$/.exec(value)?.[1]?.toLowerCase() ?? '';
    return localHosts.has(domain) || domain === 'localhost' || domain.endsWith('.localhost');
  },
  postgres: (value: string) => {
    try {
      return localHosts.has(new URL(value).hostname);
    } catch {
      return false;
    }
  },
};

/** Throws naming every variable whose resolved value is still a local default, when this is production. */
export function refuseLocalDefaults(
  env: Record<string, string | undefined>,
  resolved: Record<string, string>,
  checks: Record<string, LocalCheck>,
): void {
  const reason = productionReason({ ...env, PUBLIC_SITE_URL: resolved.PUBLIC_SITE_URL });
  if (!reason) return;
  const local = Object.entries(checks)
    .filter(([name, isLocal]) => resolved[name] !== undefined && isLocal(resolved[name]))
    .map(([name]) => `- ${name}${env[name] ? '' : ' (not set)'}`);
  if (local.length === 0) return;
  throw new ConfigError(
    `This is a production build (${reason}), but these variables still hold the local stack's development defaults:\n` +
      `${local.join('\n')}\nSet each to your hosted project's value (see "Configuration" in README.md).`,
  );
}
