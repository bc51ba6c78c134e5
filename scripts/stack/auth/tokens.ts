// Access tokens are HS256 JWTs signed with GOTRUE_JWT_SECRET and carry GoTrue's claims, so
// PostgREST, auth.uid() and auth.jwt() see exactly what they see on hosted Supabase.
import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { AuthConfig } from './config.ts';
import { forbidden, unauthorized } from './errors.ts';

export interface AmrEntry {
  method: string;
  timestamp: number;
}

export interface AccessClaims {
  sub: string;
  email: string;
  phone: string;
  role: string;
  app_metadata: Record<string, unknown>;
  user_metadata: Record<string, unknown>;
  is_anonymous: boolean;
  aal: string;
  amr: AmrEntry[];
  session_id: string;
}

export interface VerifiedClaims {
  sub?: string;
  role?: string;
  session_id?: string;
  aal?: string;
  exp?: number;
  [key: string]: unknown;
}

const key = (config: AuthConfig) => new TextEncoder().encode(config.jwtSecret);

export async function signAccessToken(config: AuthConfig, claims: AccessClaims): Promise<{ token: string; exp: number }> {
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + config.jwtExp;
  const token = await new SignJWT({ ...claims, aud: config.jwtAud })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(config.externalUrl)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key(config));
  return { token, exp };
}

/** Verifies signature and expiry like GoTrue's auth middleware; messages match GoTrue's. */
export async function verifyBearer(config: AuthConfig, bearer: string | undefined): Promise<VerifiedClaims> {
  if (!bearer) throw unauthorized('no_authorization', 'This endpoint requires a Bearer token');
  try {
    const { payload } = await jwtVerify(bearer, key(config), { algorithms: ['HS256'] });
    return payload;
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) {
      throw forbidden('bad_jwt', 'invalid JWT: unable to parse or verify signature, token has invalid claims: token is expired');
    }
    throw forbidden('bad_jwt', 'invalid JWT: unable to parse or verify signature, signature is invalid');
  }
}

/** GoTrue's refresh tokens are short random strings (12 chars of url-safe base64). */
export function newRefreshToken(): string {
  return randomBytes(9).toString('base64url');
}
