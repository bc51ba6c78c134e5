// Access tokens carry GoTrue's claims, so PostgREST, auth.uid() and auth.jwt() see exactly what
// they see on hosted Supabase. They are ES256 JWTs signed with the current signing key (its kid in
// the header) when there is one, else HS256 with GOTRUE_JWT_SECRET; both verify, as on a project
// in transition from the legacy secret to signing keys.
import { randomBytes } from 'node:crypto';
import { SignJWT, decodeProtectedHeader, jwtVerify, errors as joseErrors } from 'jose';
import { currentKey, importKey, signWith } from '../signing-keys.ts';
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
  const signing = currentKey(config.jwtKeys());
  if (signing) {
    const token = await signWith(signing, { ...claims, aud: config.jwtAud, iss: config.externalUrl, iat, exp });
    return { token, exp };
  }
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
    const { alg, kid } = decodeProtectedHeader(bearer);
    if (alg === 'HS256') return (await jwtVerify(bearer, key(config), { algorithms: ['HS256'] })).payload;
    const signer = config.jwtKeys().find((k) => k.kid === kid);
    if (!signer || alg !== signer.alg) throw new Error('unknown signing key');
    return (await jwtVerify(bearer, await importKey(signer, 'public'), { algorithms: ['ES256'] })).payload;
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
