// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { noSecretsInBrowser } from './scripts/lib/no-secrets-in-browser.ts';
import { publicConfig } from './src/lib/config.ts';
import sitemap from '@astrojs/sitemap';
import { orukOpenData } from './src/integrations/oruk-open-data.ts';

/**
 * A question page of a referral journey, the person's own page or the staff workspace: nothing a search engine should offer.
 * @param {string} page
 */
const isPrivateOrMidJourney = (page) =>
  (/\/refer\/(professional\/)?[a-z-]+\/$/.test(page) && !page.endsWith('/refer/professional/')) ||
  page.endsWith('/my-referral/') ||
  /^https?:\/\/[^/]+\/staff\//.test(page);

// Bad settings (a secret key where the publishable key belongs, or local defaults in a production
// build) stop the build before it writes anything. NODE_ENV is left out: Astro sets it to
// "production" for every build; `npm run build` turns the caller's NODE_ENV into SIGNPOST_ENV.
publicConfig({ ...process.env, NODE_ENV: undefined });

// Static output: every page is built ahead of time from the database, so a resident's old phone
// gets plain HTML. Islands hydrate only where a page needs interaction (search, maps, forms).
export default defineConfig({
  output: 'static',
  site: process.env.PUBLIC_SITE_URL ?? 'http://localhost:4321',
  outDir: process.env.SIGNPOST_OUT_DIR ?? './dist',
  // The sitemap lists every public page (100,000 services make several sitemap files and an index):
  // not the referral journeys' question pages (entered from their start pages), the person's own page or the staff workspace.
  integrations: [
    react(),
    sitemap({ filter: (page) => !page.endsWith('/404/') && !isPrivateOrMidJourney(page) }),
    orukOpenData(),
    noSecretsInBrowser(),
  ],
  server: { host: '127.0.0.1', port: 4321 },
  build: { format: 'directory', concurrency: 4 },
  // Astro inlines a stylesheet below Vite's asset limit. At 10 KB the site's own styles (8 KB, 2.3 KB
  // gzipped) come inline with every static page, so its first paint waits for no second request;
  // the form and workspace styles (about 50 KB each) stay files the browser caches.
  vite: { build: { assetsInlineLimit: 10 * 1024 } },
  trailingSlash: 'ignore',
});
