import type { APIRoute } from 'astro';

/**
 * robots.txt is built rather than kept in public/: the Sitemap line must be an absolute address,
 * and the site's address comes from configuration (PUBLIC_SITE_URL).
 */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap-index.xml', site).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
