import { publicConfig } from '../src/lib/config.ts';
import { binOf, runNode } from './lib/run.ts';

/**
 * `npm run build`: the static site. Astro sets NODE_ENV=production for every build, so the
 * caller's NODE_ENV is passed on as SIGNPOST_ENV first: a production build then refuses local
 * defaults, and a local one builds against the local stack.
 */
const signpostEnv = process.env.SIGNPOST_ENV ?? (process.env.NODE_ENV === 'production' ? 'production' : 'development');
const env = { SIGNPOST_ENV: signpostEnv };
try {
  publicConfig(process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
process.exit(await runNode(binOf('astro', 'astro'), ['build', ...process.argv.slice(2)], env));
