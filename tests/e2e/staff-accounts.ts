import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import { TOTP, Secret } from 'otpauth';
import type { StaffRole } from '../../src/lib/schemas/staff-member.ts';

/**
 * Staff accounts for the end-to-end tests, made on the test stack with its secret key (from the
 * test process, never the browser): each test gets its own, so tests can run side by side.
 */
const url = process.env.PUBLIC_SUPABASE_URL!;
const admin = createClient(url, process.env.SUPABASE_SECRET_KEY!, { auth: { persistSession: false, autoRefreshToken: false } });
export const password = 'e2e-staff-password';

export const totpCode = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret.replace(/\s/g, '')), digits: 6, period: 30, algorithm: 'SHA1' }).generate();

export interface TestAccount {
  id: string;
  email: string;
  name: string;
  /** The TOTP secret, when the account already has an authenticator app. */
  secret?: string;
}

export async function teamNamed(name: string): Promise<string> {
  const { data, error } = await admin.from('teams').select('id').eq('name', name).single<{ id: string }>();
  if (error) throw error;
  return data.id;
}

/** A confirmed account; with `role`, a member of staff; with `enrolled`, their authenticator app is set up already. */
export async function account(label: string, options: { role?: StaffRole; team?: string; enrolled?: boolean } = {}): Promise<TestAccount> {
  const email = `${label}-${randomUUID().slice(0, 8)}@e2e-staff.example.org`;
  const name = `${label.replace(/-/g, ' ')} ${email.slice(-26, -22)}`;
  const { data, error } = await admin.auth.admin.createUser({ email, password, email_confirm: true });
  if (error) throw error;
  const id = data.user.id;
  if (options.role) {
    const teamId = options.team ? await teamNamed(options.team) : null;
    const staff = await admin.from('staff_members').insert({ user_id: id, role: options.role, team_id: teamId, display_name: name });
    if (staff.error) throw staff.error;
  }
  if (!options.enrolled) return { id, email, name };
  const client = createClient(url, process.env.PUBLIC_SUPABASE_PUBLISHABLE_KEY!, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  await client.auth.signInWithPassword({ email, password });
  const enrolled = await client.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'Phone' });
  if (enrolled.error) throw enrolled.error;
  const verified = await client.auth.mfa.challengeAndVerify({ factorId: enrolled.data.id, code: totpCode(enrolled.data.totp.secret) });
  if (verified.error) throw verified.error;
  await client.auth.signOut();
  return { id, email, name, secret: enrolled.data.totp.secret };
}

/** Ends every session of the person whose access token this is, as signing out on another device does. */
export async function endSessions(accessToken: string): Promise<void> {
  const response = await fetch(`${url}/auth/v1/logout?scope=global`, {
    method: 'POST',
    headers: { apikey: process.env.PUBLIC_SUPABASE_PUBLISHABLE_KEY!, authorization: `Bearer ${accessToken}` },
  });
  if (response.status !== 204) throw new Error(`logout answered ${response.status}`);
}

/** Mail the local Auth server kept for this address, newest first. */
export async function mailTo(email: string): Promise<{ kind: string; links: string[] }[]> {
  const response = await fetch(`${url}/mailbox/api/messages?to=${encodeURIComponent(email)}`, {
    headers: { apikey: process.env.SUPABASE_SECRET_KEY! },
  });
  return ((await response.json()) as { messages: { kind: string; links: string[] }[] }).messages;
}
