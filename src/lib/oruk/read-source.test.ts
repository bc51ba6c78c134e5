import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSource, SourceError } from './read-source.ts';

// A stand-in ORUK v1 publisher: three pages of one service each, pages numbered from 1.
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname === '/broken') return void response.writeHead(503).end('down');
    const page = Number(url.searchParams.get('page') ?? '1');
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ content: [{ id: `s${page}`, name: `Service ${page}` }], totalElements: 3, totalPages: 3, number: page }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('reading a feed from a URL', () => {
  it('follows every page of a paged ORUK API', async () => {
    const items = (await readSource(`${base}/services`)) as { id: string }[];
    expect(items.map((i) => i.id)).toEqual(['s1', 's2', 's3']);
  });

  it('says which address failed and how', async () => {
    await expect(readSource(`${base}/broken`)).rejects.toThrow(new SourceError(`${base}/broken answered 503 Service Unavailable`));
  });

  it('names a missing file', async () => {
    await expect(readSource('/nonexistent/feed.json')).rejects.toThrow(/Could not read \/nonexistent\/feed.json/);
  });
});
