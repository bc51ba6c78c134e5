// POST/GET /verify: redeem a one-time token (by its hash from a mail link, or by address + code)
// and apply what it proves: a confirmed address, a magic-link sign-in, or a changed email.
import type { AuthConfig } from './config.ts';
import type { Queryable } from './db.ts';
import { otpExpired } from './errors.ts';
import { clearOneTimeToken, tokenHash, type TokenColumn } from './otp.ts';
import { findUserByEmail, findUserById, normaliseEmail, upsertEmailIdentity, type UserRow } from './users.ts';

export const verifyTypes = ['signup', 'invite', 'magiclink', 'recovery', 'email_change', 'email'] as const;
export type VerifyType = (typeof verifyTypes)[number];

const columnsFor: Record<VerifyType, TokenColumn[]> = {
  signup: ['confirmation_token'],
  invite: ['confirmation_token'],
  magiclink: ['recovery_token'],
  recovery: ['recovery_token'],
  email: ['confirmation_token', 'recovery_token'],
  email_change: ['email_change_token_new', 'email_change_token_current'],
};

const sentAt = (user: UserRow, column: TokenColumn): Date | null =>
  column === 'confirmation_token'
    ? user.confirmation_sent_at
    : column === 'recovery_token'
      ? user.recovery_sent_at
      : user.email_change_sent_at;

export interface VerifyInput {
  type: VerifyType;
  tokenHash?: string;
  email?: string;
  token?: string;
}

export interface VerifyOutcome {
  user: UserRow;
  /** Set when only one of the two secure email-change links has been followed so far. */
  singleConfirmation: boolean;
}

async function findMatch(db: Queryable, input: VerifyInput): Promise<{ user: UserRow; column: TokenColumn } | undefined> {
  const columns = columnsFor[input.type];
  if (input.tokenHash) {
    for (const column of columns) {
      const { rows } = await db.query<UserRow>(`select * from auth.users where ${column} = $1 and deleted_at is null for update`, [
        input.tokenHash,
      ]);
      if (rows[0]) return { user: rows[0], column };
    }
    return undefined;
  }
  if (!input.email || !input.token) return undefined;
  const email = normaliseEmail(input.email);
  const hash = tokenHash(email, input.token.trim());
  if (input.type === 'email_change') {
    const { rows } = await db.query<UserRow>(
      `select * from auth.users where (lower(email_change) = $1 and email_change_token_new = $2)
         or (lower(email) = $1 and email_change_token_current = $2) for update`,
      [email, hash],
    );
    const user = rows[0];
    if (!user) return undefined;
    return { user, column: user.email_change_token_new === hash ? 'email_change_token_new' : 'email_change_token_current' };
  }
  const user = await findUserByEmail(db, email);
  const column = user && columns.find((c) => user[c] === hash);
  return user && column ? { user, column } : undefined;
}

export async function redeem(db: Queryable, config: AuthConfig, input: VerifyInput): Promise<VerifyOutcome> {
  const match = await findMatch(db, input);
  if (!match) throw otpExpired();
  const { user, column } = match;
  const sent = sentAt(user, column);
  if (!sent || Date.now() - sent.getTime() > config.otpExp * 1000) throw otpExpired();
  await clearOneTimeToken(db, user.id, column);

  if (column === 'confirmation_token' || column === 'recovery_token') {
    // Following any mailed link proves the address, as GoTrue's signupVerify/recoverVerify do.
    await db.query('update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now() where id = $1', [
      user.id,
    ]);
    if (user.email) await upsertEmailIdentity(db, user.id, user.email, true);
    return { user: (await findUserById(db, user.id))!, singleConfirmation: false };
  }

  const other: TokenColumn = column === 'email_change_token_new' ? 'email_change_token_current' : 'email_change_token_new';
  if (user[other]) {
    await db.query('update auth.users set email_change_confirm_status = email_change_confirm_status + 1 where id = $1', [user.id]);
    return { user, singleConfirmation: true };
  }
  // Both sides confirmed (or only the new side was needed): the new address becomes the
  // account's confirmed email, and an anonymous account becomes permanent, same id.
  const newEmail = user.email_change!;
  await db.query(
    `update auth.users set email = $2, email_confirmed_at = now(), email_change = '', email_change_token_new = '',
       email_change_token_current = '', email_change_confirm_status = 0, is_anonymous = false,
       raw_app_meta_data = case when is_anonymous
         then coalesce(raw_app_meta_data, '{}'::jsonb) || '{"provider":"email","providers":["email"]}'::jsonb
         else raw_app_meta_data end,
       updated_at = now()
     where id = $1`,
    [user.id, newEmail],
  );
  await upsertEmailIdentity(db, user.id, newEmail, true);
  return { user: (await findUserById(db, user.id))!, singleConfirmation: false };
}

/** GoTrue's AMR method names for a sign-in that came from a followed mail link. */
export function amrForLink(type: VerifyType): string {
  const names: Record<VerifyType, string> = {
    signup: 'email/signup',
    invite: 'invite',
    magiclink: 'magiclink',
    recovery: 'recovery',
    email_change: 'email_change',
    email: 'otp',
  };
  return names[type];
}
