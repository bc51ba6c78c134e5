import { createHmac } from 'node:crypto';

/**
 * Well-known development secrets, the same for every local stack. They protect nothing:
 * the stack only listens on 127.0.0.1. Hosted Supabase and Meilisearch Cloud use their own.
 */
export const localJwtSecret = 'super-secret-jwt-token-with-at-least-32-characters-long';
export const localMeiliMasterKey = 'signpost-local-master-key-change-me';
export const localDbPassword = 'postgres';

/**
 * The local publishable and secret API keys: the Supabase CLI's, so snippets written for
 * `supabase start` work here too. The gateway swaps them for role tokens (see api-keys.ts).
 */
export const localPublishableKey = 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH';
export const localSecretKey = 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz';

/** Fixed uid so the browser search key is the same on every start (Meilisearch derives it). */
export const meiliSearchKeyUid = '5f1d9a4e-3c2b-4b8e-9f6a-1d2c3b4a5e6f';

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

/** HS256 JWT, signed synchronously so keys can be computed without a running service. */
export function signJwt(claims: Record<string, unknown>, secret: string): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(claims));
  const signature = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${signature}`;
}

/** The legacy JWT-shaped anon and service-role API keys, in the claim shape the Supabase CLI uses for local stacks. */
export function apiKeys(secret = localJwtSecret): { anonKey: string; serviceRoleKey: string } {
  return {
    anonKey: signJwt({ iss: 'supabase-demo', role: 'anon', exp: 1983812996 }, secret),
    serviceRoleKey: signJwt({ iss: 'supabase-demo', role: 'service_role', exp: 1983812996 }, secret),
  };
}

/** Meilisearch derives a key's value from its uid and the master key: HMAC-SHA256, hex. */
export function meiliKeyFor(uid: string, masterKey = localMeiliMasterKey): string {
  return createHmac('sha256', masterKey).update(uid).digest('hex');
}
