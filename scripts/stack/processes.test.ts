import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startProcess, StackPartError, waitUntilHealthy } from './processes.ts';

describe('waiting for a part of the stack', () => {
  it('names the part and shows the end of its log when it dies during start-up', async () => {
    const logFile = join(mkdtempSync(join(tmpdir(), 'signpost-')), 'part.log');
    const proc = startProcess('Pretend service', 'sh', ['-c', 'echo "listening failed: address in use"; exit 3'], { logFile });
    const waiting = waitUntilHealthy('Pretend service', () => Promise.resolve(false), { process: proc, timeoutMs: 5000 });
    await expect(waiting).rejects.toThrow(StackPartError);
    await expect(waiting).rejects.toThrow(
      /Pretend service did not start: the process exited with code 3[\s\S]*listening failed: address in use/,
    );
  });

  it('gives up after its time limit and says the health check never passed', async () => {
    await expect(waitUntilHealthy('Silent service', () => Promise.resolve(false), { timeoutMs: 300 })).rejects.toThrow(
      'Silent service did not start: it did not answer its health check in time',
    );
  });

  it('returns as soon as the health check passes', async () => {
    let calls = 0;
    await waitUntilHealthy('Eager service', () => Promise.resolve(++calls >= 2));
    expect(calls).toBe(2);
  });
});
