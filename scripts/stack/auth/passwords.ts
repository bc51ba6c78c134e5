// Passwords are bcrypt hashes in auth.users.encrypted_password, as GoTrue stores them.
import bcrypt from 'bcryptjs';
import type { AuthConfig } from './config.ts';
import { weakPassword } from './errors.ts';

// GoTrue uses bcrypt's default cost (10); lower would make local hashes weaker than hosted ones.
const COST = 10;

export function checkPasswordStrength(config: AuthConfig, password: string): void {
  if ([...password].length < config.passwordMinLength) throw weakPassword(config.passwordMinLength);
}

export const hashPassword = (password: string) => bcrypt.hash(password, COST);

// Compared even when no user exists, so a wrong address costs as long as a wrong password.
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', COST);
export async function passwordMatches(hash: string | null | undefined, password: string): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash || DUMMY_HASH);
  return ok && Boolean(hash);
}
