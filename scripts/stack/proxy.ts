import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { upstreamHeadersWithoutCors } from './gateway-cors.ts';

// Idempotent methods (RFC 9110 §9.2.2) may be sent again when the kept-alive connection they went
// out on turns out to have been closed by the upstream in the meantime; anything else (a POST)
// might already have taken effect, so its caller gets the error instead.
const idempotent = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const MAX_RETRIES = 2;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Forwards `req` to `target` and streams the answer back, under the gateway's own CORS headers
 * unless the upstream owns CORS (Edge Functions do, on Supabase).
 */
export function proxy(
  req: IncomingMessage,
  res: ServerResponse,
  target: string,
  headers: IncomingMessage['headers'],
  cors: 'gateway' | 'upstream' = 'gateway',
): void {
  const method = req.method ?? 'GET';
  const send = (body: Buffer | undefined, attempt: number) => {
    const upstream = request(target, { method, headers }, (upstreamRes) => {
      const answerHeaders = cors === 'gateway' ? upstreamHeadersWithoutCors(res, upstreamRes.headers) : upstreamRes.headers;
      res.writeHead(upstreamRes.statusCode ?? 502, answerHeaders);
      upstreamRes.pipe(res);
    });
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      const staleConnection = upstream.reusedSocket && error.code === 'ECONNRESET';
      if (body && staleConnection && attempt < MAX_RETRIES && !res.headersSent) return send(body, attempt + 1);
      if (!res.headersSent) sendJson(res, 502, { message: `Upstream unavailable: ${error.message}` });
      else res.destroy();
    });
    if (body) upstream.end(body);
    else req.pipe(upstream);
  };
  if (!idempotent.has(method)) return send(undefined, 0);
  // Kept so that a retry can send it again.
  readAll(req).then(
    (body) => send(body, 0),
    () => res.destroy(),
  );
}
