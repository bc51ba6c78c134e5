import { profileFromArgs } from './stack/profiles.ts';
import { startStack } from './stack/index.ts';
import { onShutdown } from './lib/shutdown.ts';

/** `npm run stack`: runs the local Supabase + Meilisearch stack in the foreground until Ctrl-C. */
const profile = profileFromArgs(process.argv.slice(2));
try {
  const stack = await startStack(profile);
  if (!stack.owned) process.exit(0);
  console.log(`\nSignpost ${profile.name} stack is ready. Press Ctrl-C to stop it.\n`);
  const legacy = ['PUBLIC_SUPABASE_ANON_KEY', 'SUPABASE_SERVICE_ROLE_KEY'];
  for (const [name, value] of Object.entries(stack.env)) if (!legacy.includes(name)) console.log(`${name}=${value}`);
  console.log('\n# Legacy JWT-shaped keys, still accepted by the gateway (Supabase retires them at the end of 2026):');
  for (const name of legacy) console.log(`${name}=${stack.env[name]}`);
  onShutdown(() => stack.stop());
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  process.exit(1);
}
