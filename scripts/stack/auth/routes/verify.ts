// POST /verify (codes typed by a person, or token hashes an app passes on) and GET /verify
// (the link in a mail: redirects to the app with the session in the URL fragment, or with
// ?code= for a PKCE flow).
import type { AuthContext, Handler } from '../context.ts';
import { inTransaction } from '../db.ts';
import { AuthHttpError, unprocessable, validationFailed } from '../errors.ts';
import { isValidEmail } from '../email.ts';
import type { AuthRequest } from '../http.ts';
import { ok, str } from '../http.ts';
import { issueAuthCode, PKCE_PREFIX } from '../pkce.ts';
import { safeRedirect } from '../redirects.ts';
import { signIn } from '../sessions.ts';
import { normaliseEmail } from '../users.ts';
import { amrForLink, redeem, verifyTypes, type VerifyInput, type VerifyType } from '../verify.ts';

const SINGLE_CONFIRMATION = 'Confirmation link accepted. Please proceed to confirm link sent to the other email';

function verifyType(value: string | null | undefined): VerifyType {
  const type = verifyTypes.find((t) => t === value);
  if (!type) throw validationFailed(`Verify requires a verification type`);
  return type;
}

const withoutPkcePrefix = (hash: string) => (hash.startsWith(PKCE_PREFIX) ? hash.slice(PKCE_PREFIX.length) : hash);

type Outcome =
  { kind: 'message'; msg: string } | { kind: 'session'; session: Awaited<ReturnType<typeof signIn>> } | { kind: 'code'; code: string };

async function run(ctx: AuthContext, req: AuthRequest, input: VerifyInput, amr: string, pkce: boolean): Promise<Outcome> {
  ctx.limits.verify(`${req.ip}|${input.email ?? input.tokenHash ?? ''}`);
  // A token hash is sha224(address + code), so anyone who knows an address can turn every
  // possible code into a hash: failures count against the client and, where the request names
  // one, the address, never against the hash itself.
  const failureKeys = [`client|${req.ip}`, ...(input.email ? [`address|${normaliseEmail(input.email)}`] : [])];
  ctx.limits.checkVerifyFailures(failureKeys);
  try {
    return await inTransaction(ctx.db, async (tx): Promise<Outcome> => {
      const outcome = await redeem(tx, ctx.config, input);
      if (outcome.singleConfirmation) return { kind: 'message', msg: SINGLE_CONFIRMATION };
      const code = pkce ? await issueAuthCode(tx, outcome.user.id) : undefined;
      if (code) return { kind: 'code', code };
      return { kind: 'session', session: await signIn(tx, ctx.config, outcome.user, amr, req.ip) };
    });
  } catch (err) {
    if (err instanceof AuthHttpError && err.errorCode === 'otp_expired') ctx.limits.recordVerifyFailure(failureKeys);
    throw err;
  }
}

export const verifyPost: Handler = async (ctx, req) => {
  const type = verifyType(str(req.body, 'type'));
  const tokenHash = str(req.body, 'token_hash');
  const input: VerifyInput = tokenHash
    ? { type, tokenHash: withoutPkcePrefix(tokenHash) }
    : { type, email: str(req.body, 'email'), token: str(req.body, 'token') };
  if (!input.tokenHash && !(input.email && input.token)) {
    throw validationFailed('Only an email address or phone number should be provided on verify');
  }
  // GoTrue checks the address here too, with its own status and wording.
  if (input.email && !isValidEmail(input.email)) throw unprocessable('validation_failed', 'Invalid email format');
  // A code typed into the app signs in directly, PKCE or not, as on GoTrue.
  const outcome = await run(ctx, req, input, 'otp', false);
  return ok(outcome.kind === 'message' ? { msg: outcome.msg, code: 200 } : outcome.kind === 'session' ? outcome.session : {});
};

export const verifyGet: Handler = async (ctx, req) => {
  const redirectTo = safeRedirect(ctx.config, req.query.get('redirect_to')).split('#')[0]!;
  const fragment = new URLSearchParams();
  try {
    const type = verifyType(req.query.get('type'));
    const token = req.query.get('token') ?? '';
    const outcome = await run(ctx, req, { type, tokenHash: withoutPkcePrefix(token) }, amrForLink(type), token.startsWith(PKCE_PREFIX));
    if (outcome.kind === 'code') {
      const target = new URL(redirectTo);
      target.searchParams.set('code', outcome.code);
      return { status: 303, redirect: target.toString() };
    }
    if (outcome.kind === 'message') {
      fragment.set('message', outcome.msg);
    } else {
      const { session } = outcome;
      fragment.set('access_token', session.access_token);
      fragment.set('expires_at', String(session.expires_at));
      fragment.set('expires_in', String(session.expires_in));
      fragment.set('refresh_token', session.refresh_token);
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
  return { status: 303, redirect: `${redirectTo}#${fragment.toString()}` };
};
