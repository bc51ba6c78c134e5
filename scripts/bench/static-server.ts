import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * A plain static file server for a built site, for the browser benchmarks (astro preview allows one
 * preview per project, and `npm start` may hold it). It runs in a worker thread with the files held
 * in memory once read, so a busy benchmark process (Playwright's traffic, profiling) does not slow
 * the answers: a real host answers from memory too. Text is sent compressed (Brotli, or gzip), as
 * every static host and CDN sends it: a page's weight on a slow connection is its compressed weight.
 */
export async function serveBuild(root: string): Promise<{ origin: string; close: () => Promise<number> }> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { root: resolve(root) } });
  const origin = await new Promise<string>((done, fail) => {
    worker.once('message', (message: string) => done(message));
    worker.once('error', fail);
  });
  return { origin, close: () => worker.terminate() };
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

if (parentPort && (workerData as { root?: string } | null)?.root) {
  const root = (workerData as { root: string }).root;
  const files = new Map<string, Buffer | null>();
  const read = (file: string) => {
    if (!files.has(file)) files.set(file, existsSync(file) && statSync(file).isFile() ? readFileSync(file) : null);
    return files.get(file)!;
  };
  const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.webmanifest', '.xml', '.txt']);
  const compressed = new Map<string, Buffer>();
  const encoded = (file: string, encoding: 'br' | 'gzip') => {
    const key = `${encoding}:${file}`;
    if (!compressed.has(key))
      compressed.set(
        key,
        encoding === 'br'
          ? // Quality 5, as CDNs compress on the fly: the highest (11) would take a quarter-second on a large page.
            brotliCompressSync(read(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
          : gzipSync(read(file)),
      );
    return compressed.get(key)!;
  };
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const asked = join(root, path);
    const file = [path.endsWith('/') ? join(asked, 'index.html') : asked, join(asked, 'index.html')].find(
      (f) => f.startsWith(root) && read(f),
    );
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = { 'content-type': types[extname(file)] ?? 'application/octet-stream', vary: 'accept-encoding' };
    const accepts = String(request.headers['accept-encoding'] ?? '');
    const encoding = !compressible.has(extname(file))
      ? undefined
      : /\bbr\b/.test(accepts)
        ? 'br'
        : /\bgzip\b/.test(accepts)
          ? 'gzip'
          : undefined;
    if (!encoding) {
      response.writeHead(200, headers).end(read(file));
      return;
    }
    response.writeHead(200, { ...headers, 'content-encoding': encoding }).end(encoded(file, encoding));
  });
  server.listen(0, '127.0.0.1', () => parentPort!.postMessage(`http://127.0.0.1:${(server.address() as { port: number }).port}`));
}
