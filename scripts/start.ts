import type { ChildProcess } from 'node:child_process';
import { portInUse, stopChild } from './stack/processes.ts';
import { startStack } from './stack/index.ts';
import { profiles } from './stack/profiles.ts';
import { prepareData } from './lib/prepare-data.ts';
import { binOf, runNode, spawnNode } from './lib/run.ts';
import { onShutdown } from './lib/shutdown.ts';

/** `npm start`: the whole product on the local stack with sample data, at http://localhost:4321. */
const profile = profiles.local;
let preview: ChildProcess | undefined;

if (await portInUse(profile.ports.site)) {
  console.log(
    `Signpost is already running at http://localhost:${profile.ports.site} (another npm start). Stop that one with Ctrl-C to start afresh.`,
  );
  process.exit(0);
}

try {
  const stack = await startStack(profile);
  onShutdown(async () => {
    if (preview) await stopChild(preview);
    await stack.stop();
  });
  await prepareData(stack);

  const astro = binOf('astro', 'astro');
  const siteEnv = { ...stack.env, SIGNPOST_ENV: 'development' };
  console.log('Building the site…');
  if ((await runNode(astro, ['build', '--silent'], siteEnv)) !== 0) throw new Error('The site did not build; see the errors above.');

  preview = spawnNode(astro, ['preview', '--port', String(profile.ports.site), '--host', '127.0.0.1'], siteEnv);
  preview.once('exit', (code) => {
    if (code) console.error(`The site server stopped (exit code ${code}).`);
  });
  console.log(`\nSignpost is running at http://localhost:${profile.ports.site}  (local mailbox: ${stack.env.PUBLIC_SUPABASE_URL}/mailbox)`);
  console.log('Press Ctrl-C to stop everything.\n');
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  process.kill(process.pid, 'SIGTERM');
}
