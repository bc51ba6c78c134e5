import { parseArgs } from 'node:util';
import { scriptConfig } from './lib/config.ts';
import { runListingSweep } from './lib/listing-sweep.ts';
import { supabaseService } from './lib/supabase-service.ts';

/**
 * `npm run listings:sweep [-- --every <hours>]`: hides published listings nobody has verified for
 * the configured time (README, "Keeping the directory true"). Once by default, for a scheduled job;
 * `--every 24` keeps running and sweeps daily, as `npm start` runs it.
 */
const { values } = parseArgs({ options: { every: { type: 'string' } } });
const hours = values.every === undefined ? undefined : Number(values.every);
if (hours !== undefined && !(hours > 0)) throw new Error('--every takes a number of hours above 0, like --every 24');
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => controller.abort());
await runListingSweep(supabaseService(scriptConfig()), {
  signal: controller.signal,
  everyMs: hours === undefined ? undefined : hours * 3_600_000,
});
