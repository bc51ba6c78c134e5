import { describe, expect, it } from 'vitest';
import { rebuildSchedule } from './rebuild-schedule.ts';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the site rebuild schedule', () => {
  it('builds once for a burst of changes, after they go quiet', async () => {
    let builds = 0;
    const schedule = rebuildSchedule(() => Promise.resolve(void builds++), { quietMs: 50, maxWaitMs: 1000 });
    for (let i = 0; i < 5; i++) {
      schedule.changed();
      await wait(10);
    }
    expect(builds).toBe(0);
    await schedule.idle();
    expect(builds).toBe(1);
  });

  it('does not wait past the longest wait while changes keep coming', async () => {
    let builds = 0;
    const schedule = rebuildSchedule(() => Promise.resolve(void builds++), { quietMs: 100, maxWaitMs: 150 });
    const started = Date.now();
    while (builds === 0 && Date.now() - started < 1000) {
      schedule.changed();
      await wait(20);
    }
    expect(Date.now() - started).toBeLessThan(400);
    schedule.stop();
  });

  it('never runs two builds at once, and builds again for changes made during a build', async () => {
    let running = 0;
    let most = 0;
    let builds = 0;
    const schedule = rebuildSchedule(
      async () => {
        running++;
        most = Math.max(most, running);
        await wait(80);
        builds++;
        running--;
      },
      { quietMs: 10, maxWaitMs: 100 },
    );
    schedule.changed();
    await wait(40);
    schedule.changed();
    schedule.changed();
    await wait(200);
    await schedule.idle();
    expect({ builds, most }).toEqual({ builds: 2, most: 1 });
  });
});
