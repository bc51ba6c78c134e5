// The last guard between a secret and the public: after `astro build`, every file the site ships
// (HTML with its island props, scripts, styles) is searched for a secret key. Any find fails the
// build and removes its output, so a secret put in the wrong variable can never be deployed.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { supabaseKeyKind } from '../../src/lib/supabase-keys.ts';
import { localMeiliMasterKey, localSecretKey } from '../stack/secrets.ts';

/** Secret values the environment holds: they must not appear anywhere in the output. */
export function knownSecrets(env: Record<string, string | undefined> = process.env): Map<string, string> {
  const known = new Map<string, string>([
    [localSecretKey, 'the local secret key'],
    [localMeiliMasterKey, 'the local Meilisearch master key'],
  ]);
  for (const name of ['SUPABASE_SECRET_KEY', 'SUPABASE_SERVICE_ROLE_KEY', 'MEILI_ADMIN_KEY']) {
    const value = env[name];
    if (value && value.length >= 16) known.set(value, `the value of ${name}`);
  }
  return known;
}

/** What in `text` is a secret: any sb_secret_ key, any service_role JWT, any known secret value. */
export function secretsIn(text: string, known: Map<string, string> = knownSecrets()): string[] {
  const found = new Set<string>();
  for (const [value, description] of known) if (text.includes(value)) found.add(description);
  if (/sb_secret_[\w-]{8,}/.test(text)) found.add('a secret API key (sb_secret_…)');
  for (const [jwt] of text.matchAll(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/g)) {
    if (supabaseKeyKind(jwt) === 'legacy-service-role') found.add('a service_role JWT');
  }
  return [...found];
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    // What the build takes from configuration lands in pages, scripts and styles. The JSON, XML
    // and text files are open data and sitemaps written from published rows (services.json is
    // 550 MB at 100,000 services, past what one string can hold), so they are not read here.
    else if (/\.(html|js|mjs|css|map)$/.test(entry.name)) yield path;
  }
}

/** One line per file that holds a secret, naming what it holds. */
export function scanBuild(dir: string, known: Map<string, string> = knownSecrets()): string[] {
  const problems: string[] = [];
  for (const file of filesUnder(dir)) {
    const found = secretsIn(readFileSync(file, 'utf8'), known);
    if (found.length) problems.push(`${relative(dir, file)}: ${found.join(', ')}`);
  }
  return problems;
}

export function noSecretsInBrowser(): AstroIntegration {
  return {
    name: 'signpost:no-secrets-in-browser',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        const problems = scanBuild(out);
        if (problems.length === 0) return;
        rmSync(out, { recursive: true, force: true });
        throw new Error(
          `The built site would ship a secret key to every visitor, so the build was refused and its output removed:\n` +
            problems.map((p) => `- ${p}`).join('\n') +
            `\nThe browser gets only PUBLIC_SUPABASE_PUBLISHABLE_KEY (sb_publishable_…) and the search-only Meilisearch key.`,
        );
      },
    },
  };
}
