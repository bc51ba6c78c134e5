import { profileFromArgs } from './stack/profiles.ts';
import { startStack } from './stack/index.ts';
import { onShutdown } from './lib/shutdown.ts';

/** `npm run stack`: runs the local Supabase + Meilisearch stack in the foreground until Ctrl-C. */
const profile = profileFromArgs(process.argv.slice(2));
try {
  const stack = await startStack(profile);
  if (!stack.owned) process.exit(0);
  console.log(`\nSignpost ${profile.name} stack is ready. Press Ctrl-C to stop it.\n`);
  for (const [name, value] of Object.entries(stack.env)) console.log(`${name}=${value}`);
  onShutdown(() => stack.stop());
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  process.exit(1);
}
