import { existsSync } from 'node:fs';
import { stackEnv } from './stack/index.ts';
import { signingKeysFile } from './stack/signing-keys.ts';
import { profileFromArgs } from './stack/profiles.ts';
import { rotateSigningKey } from './stack/rotate-signing-key.ts';

/**
 * `npm run keys:rotate`: a new ES256 signing key for the local stack (running or not). Tokens
 * signed by the old key keep working until they expire (GOTRUE_JWT_EXP, default an hour).
 */
const profile = profileFromArgs(process.argv.slice(2));
const env = stackEnv(profile);
if (!existsSync(signingKeysFile(profile.stateDir))) {
  console.error(`No signing keys in ${profile.stateDir} yet: start the stack once (npm start or npm run stack), which creates them.`);
  process.exit(1);
}
try {
  await rotateSigningKey({
    stateDir: profile.stateDir,
    databaseUrl: env.DATABASE_URL!,
    supabaseUrl: env.PUBLIC_SUPABASE_URL!,
    publishableKey: env.PUBLIC_SUPABASE_PUBLISHABLE_KEY!,
    keepSeconds: Number(process.env.GOTRUE_JWT_EXP ?? 3600),
    log: console.log,
  });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
