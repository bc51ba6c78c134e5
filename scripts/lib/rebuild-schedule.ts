/**
 * When to rebuild the static site after public data changes: once the changes have been quiet for
 * `quietMs` (an import or a curator's save is many statements), but never later than `maxWaitMs`
 * after the first, and never two builds at once: changes during a build bring one more build after it.
 */
export interface RebuildSchedule {
  /** Something public may have changed. */
  changed(): void;
  /** Resolves when no build is waiting or running. */
  idle(): Promise<void>;
  stop(): void;
}

export function rebuildSchedule(build: () => Promise<void>, options: { quietMs: number; maxWaitMs: number }): RebuildSchedule {
  let firstChange: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let dirtyDuringBuild = false;
  let stopped = false;

  const start = () => {
    timer = undefined;
    firstChange = undefined;
    running = build()
      .catch(() => {})
      .finally(() => {
        running = undefined;
        if (dirtyDuringBuild && !stopped) {
          dirtyDuringBuild = false;
          changed();
        }
      });
  };

  function changed() {
    if (stopped) return;
    if (running) {
      dirtyDuringBuild = true;
      return;
    }
    const now = Date.now();
    firstChange ??= now;
    if (timer) clearTimeout(timer);
    timer = setTimeout(start, Math.max(0, Math.min(options.quietMs, firstChange + options.maxWaitMs - now)));
  }

  return {
    changed,
    async idle() {
      while (timer || running) await (running ?? new Promise((r) => setTimeout(r, 20)));
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
