import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { proxy } from './proxy.ts';

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );

/**
 * A proxy in front of an upstream that keeps connections alive but drops each one when a second
 * request arrives on it: what a server that has closed an idle or broken connection looks like
 * to the next caller. Each call gets its own upstream port, so its own pool of connections.
 */
async function proxyToDroppingUpstream() {
  const seen: string[] = [];
  const upstream = createServer((req, res) => {
    const socket = req.socket as typeof req.socket & { served?: number };
    socket.served = (socket.served ?? 0) + 1;
    seen.push(req.method ?? '');
    if (socket.served > 1) {
      socket.destroy();
      return;
    }
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
  });
  const target = await listen(upstream);
  const gateway = createServer((req, res) => proxy(req, res, `${target}${req.url}`, req.headers));
  const url = await listen(gateway);
  const close = async () => {
    for (const server of [gateway, upstream]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  };
  return { url, seen, close };
}

describe('the gateway’s proxy on a connection the upstream has dropped', () => {
  it('sends a GET again on a fresh connection', async () => {
    const { url, close } = await proxyToDroppingUpstream();
    try {
      expect((await fetch(`${url}/a`)).status).toBe(200);
      const second = await fetch(`${url}/b`);
      expect(second.status).toBe(200);
      expect(await second.text()).toBe('ok');
    } finally {
      await close();
    }
  });

  it('never sends a POST twice, answering 502 instead', async () => {
    const { url, seen, close } = await proxyToDroppingUpstream();
    try {
      expect((await fetch(`${url}/c`, { method: 'POST', body: 'one' })).status).toBe(200);
      expect((await fetch(`${url}/d`, { method: 'POST', body: 'two' })).status).toBe(502);
      expect(seen).toEqual(['POST', 'POST']);
    } finally {
      await close();
    }
  });
});
