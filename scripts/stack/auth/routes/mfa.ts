// TOTP MFA: enrol a factor, challenge it, verify a code (raising the session to aal2), unenrol.
import { randomUUID } from 'node:crypto';
import type { AuthContext, Handler } from '../context.ts';
import { audit } from '../audit.ts';
import { inTransaction } from '../db.ts';
import { badRequest, forbidden, notFound, unprocessable } from '../errors.ts';
import { ok, str } from '../http.ts';
import { requireUser, type Caller } from '../guard.ts';
import { addAmrClaim, reissue, type SessionRow } from '../sessions.ts';
import { newTotpSecret, qrCodeSvg, totpCodeMatches, totpFor } from '../totp.ts';
import { findUserById } from '../users.ts';

interface FactorRow {
  id: string;
  user_id: string;
  friendly_name: string | null;
  factor_type: string;
  status: string;
  secret: string | null;
}

async function ownFactor(ctx: AuthContext, caller: Caller, id: string | undefined): Promise<FactorRow> {
  const { rows } = await ctx.db.query<FactorRow>('select * from auth.mfa_factors where id::text = $1 and user_id = $2', [
    id ?? '',
    caller.user.id,
  ]);
  if (!rows[0]) throw notFound('mfa_factor_not_found', 'Factor not found');
  return rows[0];
}

export const enroll: Handler = async (ctx, req) => {
  const caller = await requireUser(ctx, req);
  const type = str(req.body, 'factor_type');
  if (type === 'phone' || type === 'webauthn') {
    throw unprocessable(`mfa_${type}_enroll_not_enabled`, `MFA enroll is disabled for ${type === 'phone' ? 'Phone' : 'WebAuthn'}`);
  }
  if (type !== 'totp') throw badRequest('validation_failed', 'factor_type needs to be totp, phone, or webauthn');
  const friendlyName = str(req.body, 'friendly_name') ?? '';
  const { rows: factors } = await ctx.db.query<FactorRow>('select * from auth.mfa_factors where user_id = $1', [caller.user.id]);
  const verified = factors.filter((f) => f.status === 'verified');
  // GoTrue's order: a name already used (an empty name included), then the limit counted over every
  // factor, unverified ones too, then the level.
  if (factors.some((f) => (f.friendly_name ?? '') === friendlyName)) {
    throw unprocessable('mfa_factor_name_conflict', `A factor with the friendly name "${friendlyName}" for this user already exists`);
  }
  if (factors.length >= ctx.config.mfaMaxFactors) {
    throw unprocessable('too_many_enrolled_mfa_factors', 'Maximum number of verified factors reached, unenroll to continue');
  }
  if (verified.length > 0 && caller.session.aal !== 'aal2') throw forbidden('insufficient_aal', 'AAL2 required to enroll a new factor');
  const issuer = str(req.body, 'issuer') || new URL(ctx.config.siteUrl).host;
  const secret = newTotpSecret();
  const id = randomUUID();
  await ctx.db.query(
    `insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, created_at, updated_at, secret)
     values ($1, $2, $3, 'totp', 'unverified', now(), now(), $4)`,
    [id, caller.user.id, friendlyName, secret],
  );
  await audit(ctx.db, 'factor_in_progress', caller.user, req.ip, { factor_id: id, factor_type: 'totp' });
  const uri = totpFor(secret, issuer, caller.user.email || caller.user.id).toString();
  return ok({ id, type: 'totp', friendly_name: friendlyName, totp: { qr_code: await qrCodeSvg(uri), secret, uri } });
};

/** The client address as the challenge stores it (an inet column): a verify must come from the same one. */
const challengeAddress = (ip: string) => (/^[0-9a-f.:]+$/i.test(ip) ? ip : '127.0.0.1');

export const challenge: Handler = async (ctx, req, params) => {
  const caller = await requireUser(ctx, req);
  const factor = await ownFactor(ctx, caller, params.id);
  ctx.limits.mfaChallenge(`${req.ip}|${factor.id}`);
  const id = randomUUID();
  const { rows } = await ctx.db.query<{ created_at: Date }>(
    `insert into auth.mfa_challenges (id, factor_id, created_at, ip_address) values ($1, $2, now(), $3) returning created_at`,
    [id, factor.id, challengeAddress(req.ip)],
  );
  await ctx.db.query('update auth.mfa_factors set last_challenged_at = now() where id = $1', [factor.id]);
  const expiresAt = Math.floor(rows[0]!.created_at.getTime() / 1000) + ctx.config.mfaChallengeExpiry;
  return ok({ id, type: 'totp', expires_at: expiresAt });
};

export const verifyFactor: Handler = async (ctx, req, params) => {
  const caller = await requireUser(ctx, req);
  const factor = await ownFactor(ctx, caller, params.id);
  // GOTRUE_MFA_RATE_LIMIT_CHALLENGE_AND_VERIFY bounds TOTP guessing; GoTrue counts per client IP,
  // this stand-in per client and factor (behind the gateway every client is 127.0.0.1).
  ctx.limits.mfaVerify(`${req.ip}|${factor.id}`);
  const challengeId = str(req.body, 'challenge_id') ?? '';
  const code = str(req.body, 'code') ?? '';
  if (!code) throw badRequest('validation_failed', 'Code needs to be non-empty');
  const result = await inTransaction(ctx.db, async (tx) => {
    const { rows } = await tx.query<{ id: string; created_at: Date; verified_at: Date | null; ip_address: string }>(
      'select id, created_at, verified_at, host(ip_address) as ip_address from auth.mfa_challenges where id::text = $1 and factor_id = $2 for update',
      [challengeId, factor.id],
    );
    const found = rows[0];
    if (!found) throw unprocessable('mfa_factor_not_found', 'MFA factor with the provided challenge ID not found');
    // GoTrue answers a used challenge and one made from another address alike, so as not to say which.
    if (found.verified_at || found.ip_address !== challengeAddress(req.ip)) {
      throw unprocessable('mfa_ip_address_mismatch', 'Challenge and verify IP addresses mismatch.');
    }
    if (Date.now() - found.created_at.getTime() > ctx.config.mfaChallengeExpiry * 1000) {
      await tx.query('delete from auth.mfa_challenges where id = $1', [found.id]);
      return unprocessable(
        'mfa_challenge_expired',
        `MFA challenge ${found.id} has expired, verify against another challenge or create a new challenge.`,
      );
    }
    if (!factor.secret || !totpCodeMatches(factor.secret, code)) {
      throw unprocessable('mfa_verification_failed', 'Invalid TOTP code entered');
    }
    await tx.query('update auth.mfa_challenges set verified_at = now() where id = $1', [found.id]);
    await tx.query("update auth.mfa_factors set status = 'verified', updated_at = now() where id = $1", [factor.id]);
    const { rows: sessions } = await tx.query<SessionRow>(
      "update auth.sessions set aal = 'aal2', factor_id = $2, updated_at = now() where id = $1 returning *",
      [caller.session.id, factor.id],
    );
    await addAmrClaim(tx, caller.session.id, 'totp');
    // As GoTrue does: the user's other sessions still at aal1 end (a password alone no longer
    // keeps anyone signed in), and the leftovers of abandoned enrolments go.
    await tx.query("delete from auth.sessions where user_id = $1 and aal < 'aal2'", [caller.user.id]);
    await tx.query("delete from auth.mfa_factors where user_id = $1 and status = 'unverified' and factor_type = 'totp'", [caller.user.id]);
    return reissue(tx, ctx.config, (await findUserById(tx, caller.user.id))!, sessions[0]!);
  });
  // An expired challenge is deleted (committed) before the error is sent.
  if (result instanceof Error) throw result;
  return ok(result);
};

export const unenroll: Handler = async (ctx, req, params) => {
  const caller = await requireUser(ctx, req);
  const factor = await ownFactor(ctx, caller, params.id);
  if (factor.status === 'verified' && caller.session.aal !== 'aal2') {
    throw unprocessable('insufficient_aal', 'AAL2 required to unenroll verified factor');
  }
  await inTransaction(ctx.db, async (tx) => {
    await tx.query('delete from auth.mfa_factors where id = $1', [factor.id]);
    await audit(tx, 'factor_unenrolled', caller.user, req.ip, { factor_id: factor.id });
    // Sessions that reached aal2 with this factor fall back to aal1, as GoTrue does.
    await tx.query("update auth.sessions set aal = 'aal1', factor_id = null where factor_id = $1", [factor.id]);
  });
  return ok({ id: factor.id });
};
