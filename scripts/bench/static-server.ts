import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/**
 * A plain static file server for a built site, for the browser benchmarks (astro preview allows one
 * preview per project, and `npm start` may hold it). It runs in a worker thread with the files held
 * in memory once read, so a busy benchmark process (Playwright's traffic, profiling) does not slow
 * the answers: a real host answers from memory too.
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
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(read(file));
  });
  server.listen(0, '127.0.0.1', () => parentPort!.postMessage(`http://127.0.0.1:${(server.address() as { port: number }).port}`));
}
