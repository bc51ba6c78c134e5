import { existsSync, lstatSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { profileFromArgs } from './stack/profiles.ts';
import { portInUse } from './stack/processes.ts';

/** `npm run stack:reset`: wipes the stack's state folder (database, search index, logs). */
const profile = profileFromArgs(process.argv.slice(2));
if (await portInUse(profile.ports.postgres)) {
  console.error(
    `The ${profile.name} stack is still running (port ${profile.ports.postgres} answers). Stop it with Ctrl-C first; nothing was deleted.`,
  );
  process.exit(1);
}
const pgDir = join(profile.stateDir, 'postgres');
if (existsSync(pgDir) && lstatSync(pgDir).isSymbolicLink()) rmSync(readlinkSync(pgDir), { recursive: true, force: true });
rmSync(profile.stateDir, { recursive: true, force: true });
console.log(`Removed ${profile.stateDir}. The next start creates a fresh database with sample data.`);
