import { scriptConfig } from './lib/config.ts';
import { binOf, runNode } from './lib/run.ts';
import { runSiteRebuilder } from './lib/site-rebuilder.ts';

/**
 * Started by `npm start`: rebuilds the static site (about a minute at most on the sample data)
 * whenever public data changes, so a curator's change reaches the service pages. Deployments
 * trigger builds from their host instead (README, "Changes reach residents").
 */
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => controller.abort());
const astro = binOf('astro', 'astro');
await runSiteRebuilder(scriptConfig().DATABASE_URL, {
  signal: controller.signal,
  outDir: process.env.SIGNPOST_OUT_DIR ?? './dist',
  build: async (outDir) => {
    const code = await runNode(astro, ['build', '--silent'], { SIGNPOST_OUT_DIR: outDir });
    if (code !== 0) throw new Error(`astro build exited with code ${code}`);
  },
});
