/**
 * Runs the clean-up once on Ctrl-C or SIGTERM, then exits. A second Ctrl-C exits at once.
 */
export function onShutdown(cleanup: () => Promise<unknown>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    console.log(`\n${signal} received: stopping…`);
    cleanup()
      .catch((error: unknown) => console.error(error))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  process.on('SIGHUP', handler);
}
