import http from 'node:http';

/**
 * A kept-alive HTTP client for timing on loopback. Node's global fetch writes headers and body
 * in separate packets, and with Nagle's algorithm and delayed ACKs each kept-alive request waits
 * about 40 ms for nothing; here the body goes out with the headers and TCP_NODELAY is on.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

export function requestJson<T>(url: string, apiKey: string, body?: unknown): Promise<T> {
  const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: data ? 'POST' : 'GET',
        agent,
        headers: {
          Authorization: `Bearer ${apiKey}`,
          ...(data ? { 'Content-Type': 'application/json', 'Content-Length': data.length } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((res.statusCode ?? 500) >= 400) reject(new Error(`${res.statusCode}: ${text.slice(0, 200)}`));
          else resolve(JSON.parse(text) as T);
        });
      },
    );
    req.on('socket', (socket) => socket.setNoDelay(true));
    req.on('error', reject);
    req.end(data);
  });
}

export interface RawResponse {
  status: number;
  text: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * The same client for callers that judge the answer themselves (status and body, never thrown for
 * a 4xx or 5xx), on an agent of their own: a network error (refused, reset) still rejects.
 */
export function requestRaw(
  url: string,
  options: { agent: http.Agent; method?: string; headers?: Record<string, string>; body?: unknown; timeoutMs?: number },
): Promise<RawResponse> {
  const data = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: options.method ?? (data ? 'POST' : 'GET'),
        agent: options.agent,
        headers: { ...options.headers, ...(data ? { 'Content-Type': 'application/json', 'Content-Length': data.length } : {}) },
        timeout: options.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
        res.on('error', reject);
      },
    );
    req.on('socket', (socket) => socket.setNoDelay(true));
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(data);
  });
}
