import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Asks for every module a page will run while the browser is still reading its <head>. A page
 * script or island names one module; the browser learns of that module's imports only once it has
 * fetched it, and of theirs one round later, each round waiting for a main thread that is busy
 * laying out the page (on a slow phone, about 0.4 s lost on the maps). After the build this adds a
 * `<link rel="modulepreload">` for each page's page scripts and its eagerly started islands
 * (client:load, client:idle, client:only) and everything they import statically. Islands that wait
 * to be seen or for a media query are left to load when needed; pages without scripts are untouched.
 */
export function modulePreload(): AstroIntegration {
  return {
    name: 'signpost:module-preload',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const imports = new Map<string, string[]>();
        const importsOf = (url: string): string[] => {
          if (!imports.has(url)) {
            const code = readFileSync(join(root, url), 'utf8');
            imports.set(
              url,
              [...code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\.?\/[^"']+\.js)["']/g)].map((m) => join(dirname(url), m[1]!)),
            );
          }
          return imports.get(url)!;
        };
        let pages = 0;
        for (const file of htmlFiles(root)) {
          const html = readFileSync(file, 'utf8');
          const head = html.indexOf('</head>');
          if (head < 0 || html.includes('rel="modulepreload"')) continue;
          const entries = [
            ...[...html.matchAll(/<script type="module" src="(\/[^"]+\.js)"/g)].map((m) => m[1]!),
            ...[...html.matchAll(/<astro-island\b[^>]*>/g)]
              .filter((m) => /\bclient="(?:load|idle|only)"/.test(m[0]))
              .flatMap((m) => [...m[0].matchAll(/\b(?:component|renderer)-url="(\/[^"]+\.js)"/g)].map((u) => u[1]!)),
          ];
          if (entries.length === 0) continue;
          const modules = new Set<string>();
          const queue = [...entries];
          while (queue.length) {
            const url = queue.shift()!;
            if (modules.has(url)) continue;
            modules.add(url);
            queue.push(...importsOf(url));
          }
          const links = [...modules].map((url) => `<link rel="modulepreload" href="${url}">`).join('');
          writeFileSync(file, html.slice(0, head) + links + html.slice(head));
          pages++;
        }
        logger.info(`module preloads added to ${pages} pages`);
      },
    },
  };
}

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}
