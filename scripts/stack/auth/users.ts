// auth.users rows and the user JSON GoTrue returns for them (models.User's JSON shape).
import { randomUUID } from 'node:crypto';
import type { Queryable } from './db.ts';
import { unprocessable } from './errors.ts';

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  phone_confirmed_at: Date | null;
  confirmed_at: Date | null;
  invited_at: Date | null;
  confirmation_token: string | null;
  confirmation_sent_at: Date | null;
  recovery_token: string | null;
  recovery_sent_at: Date | null;
  email_change: string | null;
  email_change_token_new: string | null;
  email_change_token_current: string | null;
  email_change_confirm_status: number | null;
  email_change_sent_at: Date | null;
  reauthentication_token: string | null;
  reauthentication_sent_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  banned_until: Date | null;
  created_at: Date | null;
  updated_at: Date | null;
  is_anonymous: boolean;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function findUserById(db: Queryable, id: string): Promise<UserRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const { rows } = await db.query<UserRow>('select * from auth.users where id = $1 and deleted_at is null', [id]);
  return rows[0];
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(
    'select * from auth.users where lower(email) = $1 and is_sso_user = false and deleted_at is null',
    [normaliseEmail(email)],
  );
  return rows[0];
}

export interface NewUser {
  email: string | null;
  encryptedPassword: string | null;
  provider: 'email' | 'anonymous';
  userMetadata: Record<string, unknown>;
  appMetadata?: Record<string, unknown>;
  confirmed: boolean;
  role?: string;
}

/** Creates the user and, for email users, their `email` identity, as GoTrue's signupNewUser does. */
export async function insertUser(db: Queryable, input: NewUser): Promise<UserRow> {
  try {
    return await insertUserRow(db, input);
  } catch (err) {
    // Two sign-ups for one address at once: the unique index decides, as in GoTrue.
    if ((err as { code?: string }).code === '23505') {
      throw unprocessable('email_exists', 'A user with this email address has already been registered');
    }
    throw err;
  }
}

async function insertUserRow(db: Queryable, input: NewUser): Promise<UserRow> {
  const id = randomUUID();
  const appMeta = { provider: input.provider, providers: [input.provider], ...input.appMetadata };
  const { rows } = await db.query<UserRow>(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
       raw_app_meta_data, raw_user_meta_data, created_at, updated_at, is_anonymous,
       confirmation_token, recovery_token, email_change_token_new, email_change)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', $2, $3, $4,
       case when $5 then now() end, $6, $7, now(), now(), $8, '', '', '', '')
     returning *`,
    [
      id,
      input.role ?? 'authenticated',
      input.email,
      input.encryptedPassword,
      input.confirmed,
      appMeta,
      input.userMetadata,
      input.provider === 'anonymous',
    ],
  );
  const user = rows[0]!;
  if (input.email) await upsertEmailIdentity(db, user.id, input.email, input.confirmed);
  return user;
}

export async function upsertEmailIdentity(db: Queryable, userId: string, email: string, verified: boolean): Promise<void> {
  const data = { sub: userId, email, email_verified: verified, phone_verified: false };
  await db.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
     values ($1, $2, $3, 'email', now(), now())
     on conflict (provider_id, provider) do update set identity_data = excluded.identity_data, updated_at = now()`,
    [userId, userId, data],
  );
}

/** GoTrue merges metadata updates key by key; a null value removes the key. */
export function mergeMetadata(current: Record<string, unknown> | null, patch: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  return next;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : undefined);

interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  last_sign_in_at: Date | null;
  created_at: Date | null;
  updated_at: Date | null;
  email: string | null;
}

/** An MFA factor as the user and admin APIs show it (never its secret). */
export interface FactorRow {
  id: string;
  friendly_name: string | null;
  factor_type: string;
  status: string;
  created_at: Date;
  updated_at: Date;
}

/** The user object exactly as GoTrue serialises it (omitempty fields left out when empty). */
export async function userJson(db: Queryable, user: UserRow): Promise<Record<string, unknown>> {
  const identities = await db.query<IdentityRow>('select * from auth.identities where user_id = $1 order by created_at', [user.id]);
  const factors = await db.query<FactorRow>(
    'select id, friendly_name, factor_type, status, created_at, updated_at from auth.mfa_factors where user_id = $1 order by created_at',
    [user.id],
  );
  const out: Record<string, unknown> = {
    id: user.id,
    aud: user.aud ?? '',
    role: user.role ?? '',
    email: user.email ?? '',
    email_confirmed_at: iso(user.email_confirmed_at),
    phone: user.phone ?? '',
    confirmation_sent_at: iso(user.confirmation_sent_at),
    confirmed_at: iso(user.confirmed_at),
    recovery_sent_at: iso(user.recovery_sent_at),
    new_email: user.email_change || undefined,
    email_change_sent_at: iso(user.email_change_sent_at),
    invited_at: iso(user.invited_at),
    last_sign_in_at: iso(user.last_sign_in_at),
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    identities: identities.rows.map((i) => ({
      identity_id: i.id,
      id: i.provider_id,
      user_id: i.user_id,
      identity_data: i.identity_data,
      provider: i.provider,
      last_sign_in_at: iso(i.last_sign_in_at),
      created_at: iso(i.created_at),
      updated_at: iso(i.updated_at),
      email: i.email ?? undefined,
    })),
    created_at: iso(user.created_at),
    updated_at: iso(user.updated_at),
    banned_until: user.banned_until && user.banned_until > new Date() ? iso(user.banned_until) : undefined,
    is_anonymous: user.is_anonymous,
  };
  if (factors.rows.length > 0) {
    out.factors = factors.rows.map((f) => ({
      id: f.id,
      friendly_name: f.friendly_name ?? '',
      factor_type: f.factor_type,
      status: f.status,
      created_at: iso(f.created_at),
      updated_at: iso(f.updated_at),
    }));
  }
  return JSON.parse(JSON.stringify(out)) as Record<string, unknown>;
}
