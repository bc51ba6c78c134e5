import { prepareData } from '../../scripts/lib/prepare-data.ts';
import { startStack } from '../../scripts/stack/index.ts';
import { profiles } from '../../scripts/stack/profiles.ts';

/**
 * Vitest global setup: the integration tests run against the real test stack. When `npm test`
 * already started it this attaches to it; run alone (npx vitest) it starts and stops its own.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const stack = await startStack(profiles.test, () => {});
  await prepareData(stack, () => {});
  return () => stack.stop();
}
