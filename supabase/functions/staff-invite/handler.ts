import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { staffInviteSchema } from '../../../src/lib/schemas/staff-invite.ts';
import { InviteError, inviteStaff } from './invite.ts';

/**
 * The `staff-invite` Edge Function as a web-standard handler. It checks, as the caller, that the
 * caller is an admin whose session passed the second factor (public.is_admin() needs aal2), and
 * only then uses the service role, whose key stays in the function's environment.
 */
export interface InviteHandlerOptions {
  url: string;
  anonKey: string;
  /** The service role client: only reached after the caller is proven an admin with aal2. */
  admin: SupabaseClient;
}

// Called from the workspace with the admin's token, never a cookie, so any origin may ask.
const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': 'authorization, apikey, content-type, x-client-info',
  'Access-Control-Max-Age': '86400',
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { ...corsHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });

function subjectOf(authorization: string): string | undefined {
  const payload = /^Bearer\s+[\w-]+\.([\w-]+)\.[\w-]+$/.exec(authorization)?.[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown };
    return typeof claims.sub === 'string' ? claims.sub : undefined;
  } catch {
    return undefined;
  }
}

export function createInviteHandler(options: InviteHandlerOptions) {
  return async (request: Request): Promise<Response> => {
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: corsHeaders });
    if (request.method === 'GET') return json(200, { message: 'POST an invitation: { email, display_name, role, team_id }.' });
    if (request.method !== 'POST') return json(405, { message: 'Use POST to invite a member of staff.' });

    const authorization = request.headers.get('authorization') ?? '';
    // Only to choose the message: a key (anon, publishable) is no person's session. Auth and the
    // database below verify the token itself.
    if (!subjectOf(authorization)) return json(401, { message: 'Sign in as an administrator to invite staff.' });
    const caller = createClient(options.url, options.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      global: { headers: { Authorization: authorization } },
    });
    // Auth checks the session is still live (a signed-out token is refused here, not only at expiry).
    const user = await caller.auth.getUser();
    if (user.error || !user.data.user) return json(401, { message: 'Your session has ended. Sign in again to send the invitation.' });
    const admin = await caller.rpc('is_admin');
    if (admin.error) return json(502, { message: `Your role could not be checked: ${admin.error.message}` });
    if (admin.data !== true) return json(403, { message: 'Only administrators signed in with their authenticator app can invite staff.' });

    const body: unknown = await request.json().catch(() => undefined);
    const parsed = staffInviteSchema.safeParse(body ?? {});
    if (!parsed.success)
      return json(400, {
        message: 'The invitation is not complete.',
        errors: parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'email'), message: issue.message })),
      });
    try {
      const { userId } = await inviteStaff(options.admin, parsed.data);
      return json(200, { user_id: userId, email: parsed.data.email });
    } catch (error) {
      if (error instanceof InviteError)
        return json(error.status, {
          message: error.message,
          ...(error.field ? { errors: [{ field: error.field, message: error.message }] } : {}),
        });
      throw error;
    }
  };
}
