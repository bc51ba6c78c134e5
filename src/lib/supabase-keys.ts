/**
 * The kinds of Supabase API key a variable can hold. New projects have publishable
 * (`sb_publishable_…`) and secret (`sb_secret_…`) keys; older ones have JWT-shaped `anon` and
 * `service_role` keys, accepted until Supabase retires them. Secret kinds bypass row level
 * security and must never reach a browser.
 */
export type SupabaseKeyKind = 'publishable' | 'secret' | 'legacy-anon' | 'legacy-service-role' | 'unknown';

const jwtShape = /^[\w-]+\.([\w-]+)\.[\w-]+$/;

function jwtRole(value: string): string | undefined {
  const payload = value.match(jwtShape)?.[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return claims && typeof claims === 'object' && 'role' in claims && typeof claims.role === 'string' ? claims.role : undefined;
  } catch {
    return undefined;
  }
}

export function supabaseKeyKind(value: string): SupabaseKeyKind {
  if (/^sb_publishable_[\w-]+$/.test(value)) return 'publishable';
  if (/^sb_secret_[\w-]+$/.test(value)) return 'secret';
  const role = jwtRole(value);
  if (role === 'anon') return 'legacy-anon';
  if (role === 'service_role') return 'legacy-service-role';
  return 'unknown';
}

export const isSecretKind = (kind: SupabaseKeyKind) => kind === 'secret' || kind === 'legacy-service-role';
