import { describe, expect, it } from 'vitest';
import { retryDelaySeconds } from './notifier.ts';

describe('the notifier’s retry delay', () => {
  it('doubles after each failed attempt, within a tenth either way', () => {
    for (const [attempts, base] of [
      [1, 30],
      [2, 60],
      [3, 120],
      [5, 480],
    ] as const) {
      const delay = retryDelaySeconds(attempts, 30, 3600);
      expect(delay).toBeGreaterThanOrEqual(base * 0.9);
      expect(delay).toBeLessThanOrEqual(base * 1.1);
    }
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    expect(retryDelaySeconds(40, 30, 3600)).toBeLessThanOrEqual(3600 * 1.1);
  });
});
