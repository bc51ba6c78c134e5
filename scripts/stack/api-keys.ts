// What the local gateway does with the `apikey` header, as the Supabase CLI's gateway does: the
// publishable and secret keys are not JWTs, so when a request carries no user token (no
// Authorization header, or one that is only an `sb_` key, as supabase-js sends) the gateway
// passes the matching role token upstream (anon for the publishable key, service_role for the
// secret key). Legacy JWT keys are role tokens themselves and pass as they are.

export type Role = 'anon' | 'service_role';

export interface ApiKeyOptions {
  publishableKey: string;
  secretKey: string;
  legacyAnonKey: string;
  legacyServiceRoleKey: string;
  /** A JWT for the role, signed with a key PostgREST and Auth verify (the stack's current signing key). */
  roleToken: (role: Role) => Promise<string>;
}

export interface ApiKeys {
  /** True for the project's four keys; anything else gets 401 Invalid API key. */
  isKnown(key: string): boolean;
  /** Secret keys only work outside browsers, as on hosted Supabase. */
  isSecret(key: string): boolean;
  /** The Authorization header to send upstream for this API key and incoming header. */
  upstreamAuthorization(key: string, authorization: string | undefined): Promise<string | undefined>;
}

export function apiKeysFor(options: ApiKeyOptions): ApiKeys {
  const roles = new Map<string, Role>([
    [options.publishableKey, 'anon'],
    [options.secretKey, 'service_role'],
  ]);
  const legacy = new Set([options.legacyAnonKey, options.legacyServiceRoleKey]);
  return {
    isKnown: (key) => roles.has(key) || legacy.has(key),
    isSecret: (key) => key === options.secretKey || key === options.legacyServiceRoleKey,
    async upstreamAuthorization(key, authorization) {
      // A user's (or any JWT) bearer token goes through untouched.
      if (authorization && !/^Bearer sb_/i.test(authorization)) return authorization;
      const role = roles.get(key);
      if (role) return `Bearer ${await options.roleToken(role)}`;
      return legacy.has(key) ? `Bearer ${key}` : authorization;
    },
  };
}

/** A request that comes from a web page: it carries an Origin, or a browser's User-Agent. */
export function fromBrowser(headers: { origin?: string; 'user-agent'?: string }): boolean {
  return Boolean(headers.origin) || /^Mozilla\//.test(headers['user-agent'] ?? '');
}
