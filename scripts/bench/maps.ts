import { chromium, type Browser } from '@playwright/test';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { prepareData } from '../lib/prepare-data.ts';
import { binOf, runNode } from '../lib/run.ts';
import { startStack } from '../stack/index.ts';
import { profiles } from '../stack/profiles.ts';

/**
 * `npm run bench:maps`: how soon the maps are usable on the built site, on a phone-like CPU.
 * Builds the site over the sample data (local stack), serves the build, and opens /areas and an
 * area page in Chromium with the CPU slowed 4× (DevTools throttling), each visit in a fresh
 * browser context (nothing cached), with every request off this machine refused (no tiles).
 * `--cpu-rate 1` runs unthrottled, `--runs N` sets the visits per page, `--skip-build` reuses the last build.
 * Time to interactive is the `map-interactive` mark the map sets once it is drawn and its pins and
 * controls respond, measured from the start of navigation. Also reports the gzipped JavaScript each
 * page downloaded. It measures and prints; it does not judge, beyond naming the 1 s target.
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    'cpu-rate': { type: 'string', default: '4' },
    'skip-build': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const cpuRate = Number(values['cpu-rate']);
const outDir = resolve('dist-bench-maps');
const targetMs = 1000;

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A plain static file server for the build (astro preview allows one preview per project, and npm start may hold it). */
function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => done({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` })),
  );
}

interface Visit {
  interactiveMs: number;
  scriptGzipBytes: number;
}

async function visit(browser: Browser, url: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.route(
    (u) => u.hostname !== '127.0.0.1',
    (route) => route.abort('internetdisconnected'),
  );
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  const scripts: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.body().then((body) => gzipSync(body).length));
  });
  await page.goto(url);
  await page.locator('.leaflet-container[data-ready="true"]').waitFor({ timeout: 30_000 });
  const interactiveMs = await page.evaluate(() => performance.getEntriesByName('map-interactive')[0]?.startTime ?? Number.NaN);
  const scriptGzipBytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
  await context.close();
  return { interactiveMs, scriptGzipBytes };
}

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return `median ${median.toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms (n=${sorted.length})`;
}

if (!values['skip-build']) {
  const stack = await startStack(profiles.local, () => {});
  try {
    await prepareData(stack, () => {});
    console.log('Building the site over the sample data…');
    rmSync(outDir, { recursive: true, force: true });
    const built = await runNode(binOf('astro', 'astro'), ['build', '--silent'], { ...stack.env, SIGNPOST_OUT_DIR: outDir });
    if (built !== 0) throw new Error('The site did not build; see above.');
  } finally {
    await stack.stop();
  }
}

const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu'] });
const { server, origin } = await serve(outDir);
try {
  const areaPage = readFileSync(join(outDir, 'areas', 'index.html'), 'utf8').match(/href="(\/areas\/[a-z0-9]{3,8}\/)"/)?.[1];
  if (!areaPage) throw new Error('The build has no area pages: is the catalogue empty?');
  // Throttling multiplies whatever else the machine is doing: say how busy it was.
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(', ');
  console.log(`Machine: ${cpus().length} cores, load average ${load()} before the runs.`);
  console.log(`Map time to interactive, CPU throttled ${cpuRate}×, cold cache, no tiles (target ≤ ${targetMs} ms at 4×):`);
  for (const path of ['/areas/', areaPage]) {
    await visit(browser, `${origin}${path}`); // warm-up: the browser process, not the page cache
    const visits: Visit[] = [];
    for (let i = 0; i < runs; i++) visits.push(await visit(browser, `${origin}${path}`));
    const times = visits.map((v) => v.interactiveMs);
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    console.log(
      `  ${path}: ${summary(times)}; ${median <= targetMs ? 'target met' : 'target missed'}; JavaScript ${(visits[0]!.scriptGzipBytes / 1000).toFixed(1)} KB gzipped`,
    );
  }
  console.log(`Load average ${load()} after the runs.`);
} finally {
  server.close();
  await browser.close();
}
