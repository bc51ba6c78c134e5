// The route table: GoTrue's paths (as the gateway forwards them, /auth/v1 stripped) plus the
// local mailbox. Unknown paths answer 404 the way GoTrue does.
import type { AuthContext, Handler } from './context.ts';
import { AuthHttpError, badRequest, notFound } from './errors.ts';
import type { AuthRequest, AuthResponse } from './http.ts';
import { deleteUserFactor, listUserFactors } from './routes/admin-factors.ts';
import { adminSamlDisabled, authorize, linkIdentity, passkeysDisabled, samlDisabled } from './routes/disabled-features.ts';
import { generateLink } from './routes/generate-link.ts';
import { reauthenticate } from './routes/reauthenticate.ts';
import { createUser, deleteUserById, getUserById, invite, listUsers, updateUserById } from './routes/admin.ts';
import { health, jwks, mailboxJson, mailboxPage, settings } from './routes/meta.ts';
import { challenge, enroll, unenroll, verifyFactor } from './routes/mfa.ts';
import { magicLink, otp, recover, resend } from './routes/otp.ts';
import { signup } from './routes/signup.ts';
import { token } from './routes/token.ts';
import { getUser, logout, updateUser } from './routes/user.ts';
import { verifyGet, verifyPost } from './routes/verify.ts';

type Route = [method: string, pattern: string, handler: Handler];

const routes: Route[] = [
  ['GET', '/health', health],
  ['GET', '/.well-known/jwks.json', jwks],
  ['GET', '/settings', settings],
  ['POST', '/signup', signup],
  ['POST', '/token', token],
  ['POST', '/otp', otp],
  ['POST', '/magiclink', magicLink],
  ['POST', '/recover', recover],
  ['POST', '/resend', resend],
  ['POST', '/verify', verifyPost],
  ['GET', '/verify', verifyGet],
  ['GET', '/user', getUser],
  ['PUT', '/user', updateUser],
  ['POST', '/logout', logout],
  ['GET', '/reauthenticate', reauthenticate],
  ['GET', '/authorize', authorize],
  ['GET', '/user/identities/authorize', linkIdentity],
  ['POST', '/sso', samlDisabled],
  ['GET', '/sso/saml/metadata', samlDisabled],
  ['POST', '/sso/saml/acs', samlDisabled],
  ['GET', '/admin/sso/providers', adminSamlDisabled],
  ['POST', '/admin/sso/providers', adminSamlDisabled],
  ['GET', '/admin/sso/providers/:id', adminSamlDisabled],
  ['PUT', '/admin/sso/providers/:id', adminSamlDisabled],
  ['DELETE', '/admin/sso/providers/:id', adminSamlDisabled],
  ['GET', '/passkeys', passkeysDisabled],
  ['POST', '/passkeys/authentication/options', passkeysDisabled],
  ['POST', '/passkeys/authentication/verify', passkeysDisabled],
  ['POST', '/passkeys/registration/options', passkeysDisabled],
  ['POST', '/passkeys/registration/verify', passkeysDisabled],
  ['PATCH', '/passkeys/:id', passkeysDisabled],
  ['DELETE', '/passkeys/:id', passkeysDisabled],
  ['POST', '/admin/generate_link', generateLink],
  ['POST', '/invite', invite],
  ['GET', '/admin/users', listUsers],
  ['POST', '/admin/users', createUser],
  ['GET', '/admin/users/:id', getUserById],
  ['PUT', '/admin/users/:id', updateUserById],
  ['DELETE', '/admin/users/:id', deleteUserById],
  ['GET', '/admin/users/:id/factors', listUserFactors],
  ['DELETE', '/admin/users/:id/factors/:factorId', deleteUserFactor],
  ['POST', '/factors', enroll],
  ['POST', '/factors/:id/challenge', challenge],
  ['POST', '/factors/:id/verify', verifyFactor],
  ['DELETE', '/factors/:id', unenroll],
  ['GET', '/mailbox', mailboxPage],
  ['GET', '/mailbox/api/messages', mailboxJson],
];

// A path segment with a broken escape (`%ZZ`, or `%E0%A4%A` cut short) is the caller's mistake.
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest('validation_failed', 'Invalid percent-encoding in the request path');
  }
}

function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  if (want.some((segment, i) => !segment.startsWith(':') && segment !== got[i])) return undefined;
  const params: Record<string, string> = {};
  want.forEach((segment, i) => {
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeSegment(got[i]!);
  });
  return params;
}

export async function route(ctx: AuthContext, req: AuthRequest): Promise<AuthResponse> {
  let pathKnown = false;
  for (const [method, pattern, handler] of routes) {
    const params = match(pattern, req.path);
    if (!params) continue;
    pathKnown = true;
    if (method === req.method) return handler(ctx, req, params);
  }
  if (pathKnown) throw new AuthHttpError(405, 'method_not_allowed', 'Method not allowed');
  throw notFound('not_found', 'Unhandled request');
}
