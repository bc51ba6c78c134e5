// POST /verify (codes typed by a person, or token hashes an app passes on) and GET /verify
// (the link in a mail: redirects to the app with the session in the URL fragment).
import type { AuthContext, Handler } from '../context.ts';
import { inTransaction } from '../db.ts';
import { AuthHttpError, validationFailed } from '../errors.ts';
import type { AuthRequest } from '../http.ts';
import { ok, str } from '../http.ts';
import { safeRedirect } from '../redirects.ts';
import { signIn } from '../sessions.ts';
import { amrForLink, redeem, verifyTypes, type VerifyInput, type VerifyType } from '../verify.ts';

const SINGLE_CONFIRMATION = 'Confirmation link accepted. Please proceed to confirm link sent to the other email';

function verifyType(value: string | null | undefined): VerifyType {
  const type = verifyTypes.find((t) => t === value);
  if (!type) throw validationFailed(`Verify requires a verification type`);
  return type;
}

async function run(ctx: AuthContext, req: AuthRequest, input: VerifyInput, amr: string) {
  ctx.limits.verify(`${req.ip}|${input.email ?? input.tokenHash ?? ''}`);
  return inTransaction(ctx.db, async (tx) => {
    const outcome = await redeem(tx, ctx.config, input);
    if (outcome.singleConfirmation) return { msg: SINGLE_CONFIRMATION, code: 200 };
    return signIn(tx, ctx.config, outcome.user, amr);
  });
}

export const verifyPost: Handler = async (ctx, req) => {
  const type = verifyType(str(req.body, 'type'));
  const tokenHash = str(req.body, 'token_hash');
  const input: VerifyInput = tokenHash ? { type, tokenHash } : { type, email: str(req.body, 'email'), token: str(req.body, 'token') };
  if (!input.tokenHash && !(input.email && input.token)) {
    throw validationFailed('Only an email address or phone number should be provided on verify');
  }
  return ok(await run(ctx, req, input, 'otp'));
};

export const verifyGet: Handler = async (ctx, req) => {
  const redirectTo = safeRedirect(ctx.config, req.query.get('redirect_to'));
  const fragment = new URLSearchParams();
  try {
    const type = verifyType(req.query.get('type'));
    const body = await run(ctx, req, { type, tokenHash: req.query.get('token') ?? '' }, amrForLink(type));
    if ('msg' in body) {
      fragment.set('message', body.msg);
    } else {
      fragment.set('access_token', body.access_token);
      fragment.set('expires_at', String(body.expires_at));
      fragment.set('expires_in', String(body.expires_in));
      fragment.set('refresh_token', body.refresh_token);
      fragment.set('token_type', 'bearer');
      fragment.set('type', type);
    }
  } catch (err) {
    if (!(err instanceof AuthHttpError)) throw err;
    // GoTrue reports link failures to the app in the fragment rather than as an error page.
    fragment.set('error', err.status === 429 ? 'too_many_requests' : 'access_denied');
    fragment.set('error_code', err.errorCode);
    fragment.set('error_description', err.errorCode === 'otp_expired' ? 'Email link is invalid or has expired' : err.message);
  }
  return { status: 303, redirect: `${redirectTo.split('#')[0]}#${fragment.toString()}` };
};
