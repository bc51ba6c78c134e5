import { randomUUID } from 'node:crypto';
import { signJwt, localJwtSecret } from '../../scripts/stack/secrets.ts';

/**
 * An access token like one Supabase Auth issues after a password sign-in (`aal1`), for acting as a
 * signed-in person in tests. Pass `{ aal: 'aal2' }` (or use `staffToken`) for a session that also
 * verified a second factor.
 */
export function userToken(sub: string = randomUUID(), extra: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    {
      sub,
      role: 'authenticated',
      aud: 'authenticated',
      iat: now,
      exp: now + 600,
      is_anonymous: false,
      aal: 'aal1',
      amr: [{ method: 'password', timestamp: now }],
      ...extra,
    },
    localJwtSecret,
  );
}

/** A staff member's token as Supabase Auth issues it once their TOTP code is verified: staff powers need aal2. */
export function staffToken(sub: string, extra: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  return userToken(sub, {
    aal: 'aal2',
    amr: [
      { method: 'totp', timestamp: now },
      { method: 'password', timestamp: now },
    ],
    ...extra,
  });
}
