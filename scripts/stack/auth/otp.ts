// One-time tokens as GoTrue keeps them: a numeric code mailed to the person, and its hash
// sha224(address + code) stored on auth.users (and mirrored in auth.one_time_tokens). Mail links
// carry the hash, so GET /verify?token=<hash> and POST /verify {email, token} both work.
import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { AuthConfig } from './config.ts';
import type { Queryable } from './db.ts';
import { deliver } from './mailbox.ts';
import { renderMail, renderReauthenticationMail, type MailKind } from './mail-templates.ts';
import { PKCE_PREFIX } from './pkce.ts';
import type { RateLimits } from './rate-limits.ts';
import type { UserRow } from './users.ts';

export const tokenHash = (address: string, code: string) =>
  createHash('sha224')
    .update(address.toLowerCase() + code)
    .digest('hex');

export function newCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += String(randomInt(10));
  return code;
}

type TokenColumn =
  'confirmation_token' | 'recovery_token' | 'email_change_token_new' | 'email_change_token_current' | 'reauthentication_token';
const sentAtColumn: Record<TokenColumn, string> = {
  confirmation_token: 'confirmation_sent_at',
  recovery_token: 'recovery_sent_at',
  email_change_token_new: 'email_change_sent_at',
  email_change_token_current: 'email_change_sent_at',
  reauthentication_token: 'reauthentication_sent_at',
};

export interface MailContext {
  db: Queryable;
  config: AuthConfig;
  limits: RateLimits;
}

export function verifyLink(config: AuthConfig, hash: string, type: string, redirectTo: string): string {
  const q = new URLSearchParams({ token: hash, type, redirect_to: redirectTo });
  return `${config.externalUrl}/verify?${q.toString()}`;
}

/** Options every mail carries: where the link lands, and whether it belongs to a PKCE flow. */
export interface LinkOptions {
  redirectTo: string;
  pkce?: boolean;
}

/** Keeps a token's hash on the user (and in auth.one_time_tokens), as GoTrue does before mailing it. */
export async function storeToken(db: Queryable, userId: string, column: TokenColumn, address: string, hash: string): Promise<void> {
  await db.query(`update auth.users set ${column} = $2, ${sentAtColumn[column]} = now(), updated_at = now() where id = $1`, [userId, hash]);
  await db.query(
    `insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to)
     values ($1, $2, $3, $4, $5)
     on conflict (user_id, token_type) do update set token_hash = excluded.token_hash, relates_to = excluded.relates_to, updated_at = now()`,
    [randomUUID(), userId, column, hash, address.toLowerCase()],
  );
}

/** Stores a fresh code for `column`, mails it to `address`, and returns nothing a caller could leak. */
async function issue(
  ctx: MailContext,
  user: UserRow,
  column: TokenColumn,
  address: string,
  kind: Exclude<MailKind, 'reauthentication'>,
  link: LinkOptions,
) {
  ctx.limits.emailSent(address);
  const code = newCode(ctx.config.otpLength);
  const hash = tokenHash(address, code);
  await storeToken(ctx.db, user.id, column, address, hash);
  const linkToken = link.pkce ? PKCE_PREFIX + hash : hash;
  await deliver(ctx.db, ctx.config.adminEmail, renderMail(kind, address, verifyLink(ctx.config, linkToken, kind, link.redirectTo), code));
}

/** GET /reauthenticate: a code (the nonce) for a sensitive change, by mail, no link. */
export async function sendReauthentication(ctx: MailContext, user: UserRow): Promise<void> {
  const address = user.email!;
  ctx.limits.emailSent(address);
  const code = newCode(ctx.config.otpLength);
  await storeToken(ctx.db, user.id, 'reauthentication_token', address, tokenHash(address, code));
  await deliver(ctx.db, ctx.config.adminEmail, renderReauthenticationMail(address, code));
}

export const sendConfirmation = (ctx: MailContext, user: UserRow, link: LinkOptions) =>
  issue(ctx, user, 'confirmation_token', user.email!, 'signup', link);

export const sendInvite = (ctx: MailContext, user: UserRow, link: LinkOptions) =>
  issue(ctx, user, 'confirmation_token', user.email!, 'invite', link);

export const sendMagicLink = (ctx: MailContext, user: UserRow, link: LinkOptions) =>
  issue(ctx, user, 'recovery_token', user.email!, 'magiclink', link);

export const sendRecovery = (ctx: MailContext, user: UserRow, link: LinkOptions) =>
  issue(ctx, user, 'recovery_token', user.email!, 'recovery', link);

/**
 * Email change: a code to the new address and, with secure email change on and a current
 * address to protect, another to the current address; both must be confirmed (GoTrue default).
 */
export async function sendEmailChange(ctx: MailContext, user: UserRow, newEmail: string, link: LinkOptions) {
  await ctx.db.query(
    `update auth.users set email_change = $2, email_change_confirm_status = 0,
       email_change_token_current = '', updated_at = now() where id = $1`,
    [user.id, newEmail],
  );
  await issue(ctx, user, 'email_change_token_new', newEmail, 'email_change', link);
  if (ctx.config.secureEmailChange && user.email) {
    await issue(ctx, user, 'email_change_token_current', user.email, 'email_change', link);
  }
}

export async function clearOneTimeToken(db: Queryable, userId: string, column: TokenColumn): Promise<void> {
  await db.query(`update auth.users set ${column} = '' where id = $1`, [userId]);
  await db.query('delete from auth.one_time_tokens where user_id = $1 and token_type = $2', [userId, column]);
}

export type { TokenColumn };
