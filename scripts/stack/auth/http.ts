// Small request/response helpers over node:http so handlers stay about auth, not plumbing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress } from './client-address.ts';
import { API_VERSION_HEADER, AuthHttpError, badRequest, errorBody } from './errors.ts';

export interface AuthRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  ip: string;
  bearer: string | undefined;
}

// GoTrue refuses bodies over 1 MiB with 413. A refused body is still read to the end (up to a
// bound) so the connection stays usable: a client or the gateway may send the next request on it.
const MAX_BODY = 1024 * 1024;
const MAX_DRAIN = 16 * MAX_BODY;

const bodyTooLarge = () => new AuthHttpError(413, 'request_entity_too_large', `Request body too large (max ${MAX_BODY} bytes)`);

/** Marks an error whose connection must be closed after the answer (its body was not read to the end). */
export const CLOSE_CONNECTION = Symbol('close connection');

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      if (size > MAX_DRAIN) {
        req.pause();
        reject(Object.assign(bodyTooLarge(), { [CLOSE_CONNECTION]: true }));
      }
    });
    req.on('end', () => (size > MAX_BODY ? reject(bodyTooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

export async function readRequest(req: IncomingMessage): Promise<AuthRequest> {
  const url = new URL(req.url ?? '/', 'http://local');
  const raw = (await readBody(req)).toString('utf8');
  let body: Record<string, unknown> = {};
  if (raw.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
    } catch {
      throw badRequest('bad_json', 'Could not parse request body as JSON');
    }
  }
  const auth = req.headers.authorization;
  const bearer = auth?.match(/^Bearer\s+(.+)$/i)?.[1];
  return {
    method: req.method ?? 'GET',
    // supabase-js pointed straight at this server (no gateway) still sends /auth/v1/...
    path: url.pathname.replace(/^\/auth\/v1(?=\/|$)/, '').replace(/\/+$/, '') || '/',
    query: url.searchParams,
    headers: req.headers,
    body,
    ip: clientAddress(req.headers['x-forwarded-for'], req.socket.remoteAddress),
    bearer,
  };
}

export interface AuthResponse {
  status: number;
  json?: unknown;
  html?: string;
  redirect?: string;
  headers?: Record<string, string>;
}

export const ok = (json: unknown, headers?: Record<string, string>): AuthResponse => ({ status: 200, json, headers });
export const noContent = (): AuthResponse => ({ status: 204 });

export function send(res: ServerResponse, req: IncomingMessage, out: AuthResponse): void {
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...out.headers };
  const version = headerValue(req, API_VERSION_HEADER);
  if (version) headers[API_VERSION_HEADER] = version;
  if (out.redirect) {
    res.writeHead(303, { ...headers, location: out.redirect });
    res.end();
  } else if (out.html !== undefined) {
    res.writeHead(out.status, { ...headers, 'content-type': 'text/html; charset=utf-8' });
    res.end(out.html);
  } else if (out.json !== undefined) {
    res.writeHead(out.status, { ...headers, 'content-type': 'application/json' });
    res.end(JSON.stringify(out.json));
  } else {
    res.writeHead(out.status, headers);
    res.end();
  }
}

export function sendError(res: ServerResponse, req: IncomingMessage, err: unknown): void {
  const httpErr =
    err instanceof AuthHttpError
      ? err
      : new AuthHttpError(500, 'unexpected_failure', 'Unexpected failure, please check server logs for more information');
  if (!(err instanceof AuthHttpError)) console.error('[auth] unexpected error:', err);
  const close = typeof err === 'object' && err !== null && CLOSE_CONNECTION in err;
  send(res, req, {
    status: httpErr.status,
    json: errorBody(httpErr, headerValue(req, API_VERSION_HEADER)),
    headers: close ? { connection: 'close' } : undefined,
  });
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Typed readers for loosely-shaped JSON bodies: GoTrue ignores unknown fields, so do we. */
export function str(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  return typeof v === 'string' ? v : undefined;
}

export function obj(body: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const v = body[key];
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
