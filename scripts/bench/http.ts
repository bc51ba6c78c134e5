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
