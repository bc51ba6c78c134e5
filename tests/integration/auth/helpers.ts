// Shared helpers for the Auth contract tests: supabase-js clients exactly as the app builds
// them, the local mailbox, and a second Auth server with its own settings for limit tests.
import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import { localJwtSecret } from '../../../scripts/stack/secrets.ts';
import { startAuthServer } from '../../../scripts/stack/auth/server.ts';
import { profiles } from '../../../scripts/stack/profiles.ts';
import { signingKeysFile } from '../../../scripts/stack/signing-keys.ts';
import { testStack } from '../../support/stack.ts';

const clientOptions = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };

export const anonClient = (url: string = testStack.supabaseUrl) => createClient(url, testStack.anonKey, clientOptions);

export const serviceClient = (url: string = testStack.supabaseUrl) => createClient(url, testStack.serviceRoleKey, clientOptions);

/** Clients as a project created today builds them: the publishable key in browsers, the secret key on servers. */
export const publishableClient = (url: string = testStack.supabaseUrl) => createClient(url, testStack.publishableKey, clientOptions);

export const secretClient = (url: string = testStack.supabaseUrl) => createClient(url, testStack.secretKey, clientOptions);

export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.com`;

export interface Mail {
  to: string;
  subject: string;
  kind: string;
  html: string;
  text: string;
  links: string[];
}

export async function mailTo(email: string, baseUrl: string = testStack.supabaseUrl): Promise<Mail[]> {
  const res = await fetch(`${baseUrl}/mailbox/api/messages?to=${encodeURIComponent(email)}`, {
    headers: { apikey: testStack.serviceRoleKey, authorization: `Bearer ${testStack.serviceRoleKey}` },
  });
  if (!res.ok) throw new Error(`mailbox answered ${res.status}`);
  const body = (await res.json()) as { messages: Mail[] };
  return body.messages;
}

export async function latestMail(email: string, baseUrl?: string): Promise<Mail> {
  const [mail] = await mailTo(email, baseUrl);
  if (!mail) throw new Error(`no mail to ${email}`);
  return mail;
}

export function codeIn(mail: Mail): string {
  const code = mail.text.match(/enter the code: (\d+)/)?.[1];
  if (!code) throw new Error(`no code in mail "${mail.subject}"`);
  return code;
}

export function linkIn(mail: Mail): string {
  const link = mail.links[0];
  if (!link) throw new Error(`no link in mail "${mail.subject}"`);
  return link;
}

export const amrMethods = (claims: Record<string, unknown>) =>
  (claims.amr as Array<{ method: string; timestamp: number }>).map((a) => a.method);

export function claimsOf(accessToken: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Runs SQL as the Postgres superuser of the test stack (for setting up and inspecting). */
export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: testStack.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** A user who has signed up and confirmed their address, signed in on a fresh client. */
export async function confirmedUser(label: string, password = 'correct-horse-battery') {
  const email = uniqueEmail(label);
  const admin = serviceClient();
  const { data, error } = await admin.auth.admin.createUser({ email, password, email_confirm: true });
  if (error) throw error;
  const client = anonClient();
  const signedIn = await client.auth.signInWithPassword({ email, password });
  if (signedIn.error) throw signedIn.error;
  return { email, password, id: data.user.id, client, session: signedIn.data.session };
}

/**
 * A second Auth server on the test database with its own GOTRUE_* settings (for example low
 * rate limits), reached directly by supabase-js (it accepts the /auth/v1 prefix itself).
 */
export async function startExtraAuthServer(env: Record<string, string>) {
  const dbUrl = new URL(testStack.databaseUrl);
  dbUrl.username = 'supabase_auth_admin';
  dbUrl.password = 'postgres';
  return startAuthServer({
    host: '127.0.0.1',
    port: 0,
    databaseUrl: dbUrl.toString(),
    banner: false,
    // The test stack's signing keys, so sessions from its Auth server are valid here too.
    signingKeysFile: signingKeysFile(profiles.test.stateDir),
    env: { GOTRUE_JWT_SECRET: localJwtSecret, GOTRUE_SITE_URL: testStack.siteUrl, ...env },
  });
}
