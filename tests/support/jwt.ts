import { randomUUID } from 'node:crypto';
import { signJwt, localJwtSecret } from '../../scripts/stack/secrets.ts';

/** An access token like one Supabase Auth issues, for acting as a signed-in person in tests. */
export function userToken(sub: string = randomUUID(), extra: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    { sub, role: 'authenticated', aud: 'authenticated', iat: now, exp: now + 600, is_anonymous: false, ...extra },
    localJwtSecret,
  );
}
