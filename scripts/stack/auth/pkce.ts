// PKCE for mailed links (supabase-js with flowType 'pkce'): the request that sends the mail
// records a code challenge in auth.flow_state; following the link redirects with ?code=<auth
// code>; POST /token?grant_type=pkce trades that code plus the verifier for a session.
import { createHash, randomUUID } from 'node:crypto';
import type { Queryable } from './db.ts';
import { badRequest, notFound } from './errors.ts';

/** GoTrue marks links that belong to a PKCE flow by prefixing the token hash. */
export const PKCE_PREFIX = 'pkce_';
const FLOW_STATE_LIFETIME_MS = 5 * 60 * 1000;

export interface PkceRequest {
  challenge: string;
  method: 's256' | 'plain';
}

export function pkceFrom(body: Record<string, unknown>): PkceRequest | undefined {
  const challenge = body.code_challenge;
  if (typeof challenge !== 'string' || challenge === '') return undefined;
  const method = typeof body.code_challenge_method === 'string' ? body.code_challenge_method.toLowerCase() : '';
  if (method !== 's256' && method !== 'plain') throw badRequest('validation_failed', 'code challenge method not supported');
  return { challenge, method };
}

export async function startFlow(db: Queryable, userId: string, pkce: PkceRequest, authMethod: string): Promise<void> {
  await db.query(
    `insert into auth.flow_state (id, user_id, auth_code, code_challenge_method, code_challenge, provider_type,
       authentication_method, created_at, updated_at)
     values ($1, $2, $3, $4, $5, 'email', $6, now(), now())`,
    [randomUUID(), userId, randomUUID(), pkce.method, pkce.challenge, authMethod],
  );
}

/** After a PKCE link is followed: the auth code the app will exchange, if a flow is waiting. */
export async function issueAuthCode(db: Queryable, userId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ auth_code: string }>(
    `update auth.flow_state set auth_code_issued_at = now(), updated_at = now()
     where id = (select id from auth.flow_state where user_id = $1 and auth_code_issued_at is null
                 order by created_at desc limit 1)
     returning auth_code`,
    [userId],
  );
  return rows[0]?.auth_code;
}

interface FlowRow {
  id: string;
  user_id: string | null;
  code_challenge_method: string;
  code_challenge: string;
  authentication_method: string;
  auth_code_issued_at: Date | null;
  created_at: Date;
}

export async function exchangeAuthCode(db: Queryable, authCode: string, verifier: string): Promise<{ userId: string; authMethod: string }> {
  const { rows } = await db.query<FlowRow>('delete from auth.flow_state where auth_code = $1 returning *', [authCode]);
  const flow = rows[0];
  if (!flow?.user_id) throw notFound('flow_state_not_found', 'invalid flow state, no valid flow state found');
  const issued = flow.auth_code_issued_at ?? flow.created_at;
  if (Date.now() - issued.getTime() > FLOW_STATE_LIFETIME_MS) {
    throw badRequest('flow_state_expired', 'invalid flow state, flow state has expired');
  }
  const expected = flow.code_challenge_method === 's256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  if (expected !== flow.code_challenge) {
    throw badRequest('bad_code_verifier', 'code challenge does not match previously saved code verifier');
  }
  return { userId: flow.user_id, authMethod: flow.authentication_method };
}
