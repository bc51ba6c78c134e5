import type { Session } from '@supabase/supabase-js';
import type { SessionClient } from '../supabase-session.ts';

/**
 * Where a person stands in the staff sign-in. Staff need a second factor: an account with no
 * verified TOTP factor enrols one, an account with one is challenged for a code.
 */
export type SignInStage =
  | { kind: 'signed-out' }
  | { kind: 'not-staff'; email: string }
  | { kind: 'enrol'; email: string }
  | { kind: 'challenge'; email: string; factorId: string }
  | { kind: 'ready'; session: Session };

export async function stageFor(client: SessionClient, session: Session | null): Promise<SignInStage> {
  if (!session) return { kind: 'signed-out' };
  const email = session.user.email ?? '';
  const staff = await client.rpc('has_staff_account');
  if (staff.error) throw new Error(`Your account could not be checked (${staff.error.message}). Try again in a minute.`);
  if (staff.data !== true) return { kind: 'not-staff', email };
  const aal = await client.auth.mfa.getAuthenticatorAssuranceLevel();
  if (aal.error) throw aal.error;
  if (aal.data.currentLevel === 'aal2') return { kind: 'ready', session };
  const factors = await client.auth.mfa.listFactors();
  if (factors.error) throw factors.error;
  const verified = factors.data.totp.find((factor) => factor.status === 'verified');
  return verified ? { kind: 'challenge', email, factorId: verified.id } : { kind: 'enrol', email };
}
