import type { ChildProcess } from 'node:child_process';
import { portInUse, stopChild } from './stack/processes.ts';
import { startStack } from './stack/index.ts';
import { profiles } from './stack/profiles.ts';
import { scriptConfig } from './lib/config.ts';
import { prepareData } from './lib/prepare-data.ts';
import { sampleStaffPassword, seedSampleStaff } from './lib/seed-staff.ts';
import { seedSampleReferrals } from './lib/seed-referrals.ts';
import { seedSampleCasework } from './lib/seed-casework.ts';
import { staffRoleText } from '../src/lib/staff/roles.ts';
import { binOf, runNode, spawnNode } from './lib/run.ts';
import { onShutdown } from './lib/shutdown.ts';

/** `npm start`: the whole product on the local stack with sample data, at http://localhost:4321. */
const profile = profiles.local;
const children: ChildProcess[] = [];
// Set as soon as Ctrl-C arrives: the children get the same signal, and their exit is then expected.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.prependListener(signal, () => (stopping = true));

/** Says so when a part stops on its own; says nothing when it stops because we are stopping. */
function watch(child: ChildProcess, what: string): ChildProcess {
  children.push(child);
  child.once('exit', (code, signal) => {
    if (stopping || code === 0) return;
    console.error(`${what} stopped unexpectedly (${code !== null ? `exit code ${code}` : signal}). Press Ctrl-C to stop the rest.`);
  });
  return child;
}

if (await portInUse(profile.ports.site)) {
  console.log(
    `Signpost is already running at http://localhost:${profile.ports.site} (another npm start). Stop that one with Ctrl-C to start afresh.`,
  );
  process.exit(0);
}

try {
  const stack = await startStack(profile);
  onShutdown(async () => {
    stopping = true;
    for (const child of children) await stopChild(child);
    await stack.stop();
  });
  await prepareData(stack);
  const staff = await seedSampleStaff(scriptConfig({ ...process.env, ...stack.env }));
  const referrals = await seedSampleReferrals(scriptConfig({ ...process.env, ...stack.env }));
  const casework = await seedSampleCasework(scriptConfig({ ...process.env, ...stack.env }));

  const astro = binOf('astro', 'astro');
  const siteEnv = { ...stack.env, SIGNPOST_ENV: 'development' };
  console.log('Building the site…');
  if ((await runNode(astro, ['build', '--silent'], siteEnv)) !== 0) throw new Error('The site did not build; see the errors above.');

  // Keeps search in step with edits made while Signpost runs (scripts/indexer.ts).
  watch(spawnNode('scripts/indexer.ts', [], siteEnv), 'Search index sync');
  // Sends the notification outbox's mails (scripts/notifier.ts); locally they land in the mailbox.
  watch(spawnNode('scripts/notifier.ts', [], siteEnv), 'Notifications');
  // Hides listings nobody has verified for the configured time, now and daily (scripts/listing-sweep.ts).
  watch(spawnNode('scripts/listing-sweep.ts', ['--every', '24'], siteEnv), 'Hiding unverifiable listings');
  // Rebuilds the site when public data changes, so an accepted change reaches the service pages (scripts/site-rebuilder.ts).
  watch(spawnNode('scripts/site-rebuilder.ts', [], siteEnv), 'Site rebuilds');
  watch(spawnNode(astro, ['preview', '--port', String(profile.ports.site), '--host', '127.0.0.1'], siteEnv), 'The site server');
  console.log(
    `\nStaff workspace: http://localhost:${profile.ports.site}/staff/  Sample staff (fictional, this machine only), password ${sampleStaffPassword}:`,
  );
  for (const person of staff)
    console.log(`  ${person.email.padEnd(32)} ${staffRoleText[person.role].name.padEnd(18)} ${person.team ?? '(no team)'}`);
  console.log('  Each sets up an authenticator app (TOTP) at first sign-in: scan the QR code or type the key shown.');
  if (referrals) console.log(`  ${referrals} fictional sample referrals are in the link workers' inboxes (Priya Shah's team has most).`);
  console.log(
    `Sample casework added this start: ${casework.plans} plans, ${casework.wellbeing} wellbeing answers, ${casework.topUps} fund top-ups, ${casework.spends} spends.`,
  );
  console.log(`\nSignpost is running at http://localhost:${profile.ports.site}  (local mailbox: ${stack.env.PUBLIC_SUPABASE_URL}/mailbox)`);
  console.log('Press Ctrl-C to stop everything.\n');
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  process.kill(process.pid, 'SIGTERM');
}
