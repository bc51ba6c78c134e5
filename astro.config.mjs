// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { orukOpenData } from './src/integrations/oruk-open-data.ts';

// Static output: every page is built ahead of time from the database, so a resident's old phone
// gets plain HTML. Islands hydrate only where a page needs interaction (search, maps, forms).
export default defineConfig({
  output: 'static',
  site: process.env.PUBLIC_SITE_URL ?? 'http://localhost:4321',
  outDir: process.env.SIGNPOST_OUT_DIR ?? './dist',
  integrations: [react(), orukOpenData()],
  server: { host: '127.0.0.1', port: 4321 },
  build: { format: 'directory' },
  trailingSlash: 'ignore',
});
