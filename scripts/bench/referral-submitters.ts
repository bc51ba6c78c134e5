import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { requestRaw } from './http.ts';
import { referralSubmission } from './referral-submission.ts';

/**
 * The bench's submitters, run on a thread of their own: the local stack's gateway and Auth run in
 * the bench's main thread, and 50 clients on the same event loop would slow the gateway and show
 * as server latency. Times are milliseconds since the epoch, comparable across threads.
 */
export interface SubmittersOptions {
  base: string;
  apikey: string;
  tokens: string[];
  practices: { code: string; pcnCode: string }[];
  /** Epoch ms: no new referral starts after this. */
  endAt: number;
  /** How long a key already tried may keep being retried after endAt. */
  drainMs: number;
  pauseMs: number;
  /** The index of the first submitter's address (see submitterAddress); 0 unless another run already used those. */
  firstAddress?: number;
}

export interface Submitted {
  key: string;
  /** When the first attempt started and when the acknowledgement came (epoch ms). */
  started: number;
  acknowledged?: number;
  attempts: number;
  replayed?: boolean;
  rejected?: string;
}

export interface SubmittersResult {
  submissions: Submitted[];
  statuses: [string, number][];
}

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The loopback address submitter `index` connects from (127.0.1.1, 127.0.1.2, …): 50 people come
 * from 50 addresses, and the gateway records each one's, so the per-address limit counts each
 * person's referrals rather than everyone's (Linux routes all of 127.0.0.0/8 to loopback).
 */
export const submitterAddress = (index: number) => `127.0.${1 + Math.floor(index / 254)}.${1 + (index % 254)}`;
export const submitterAddresses = '127.0.0.0/8';

async function runSubmitters(o: SubmittersOptions): Promise<SubmittersResult> {
  const agents = o.tokens.map(
    (_, i) => new http.Agent({ keepAlive: true, maxSockets: 2, localAddress: submitterAddress((o.firstAddress ?? 0) + i) }),
  );
  const submissions: Submitted[] = [];
  const statuses = new Map<string, number>();
  const count = (what: string) => statuses.set(what, (statuses.get(what) ?? 0) + 1);

  // One person: referrals one after another, each retried under its own key until acknowledged.
  async function submitter(index: number): Promise<void> {
    const headers = { apikey: o.apikey, Authorization: `Bearer ${o.tokens[index]!}` };
    const agent = agents[index]!;
    while (now() < o.endAt) {
      const record: Submitted = { key: randomUUID(), started: now(), attempts: 0 };
      submissions.push(record);
      const body = referralSubmission(record.key, o.practices[(index + submissions.length) % o.practices.length]!);
      let wait = 50;
      while (record.acknowledged === undefined && now() < o.endAt + o.drainMs) {
        record.attempts++;
        try {
          const res = await requestRaw(`${o.base}/rest/v1/rpc/submit_referral`, { agent, headers, body: { submission: body } });
          count(String(res.status));
          if (res.status === 200) {
            record.acknowledged = now();
            record.replayed = (JSON.parse(res.text) as { replayed?: boolean }).replayed === true;
            break;
          }
          // A refusal the person would have to act on: not retried, reported.
          if (res.status < 500 && res.status !== 429) {
            record.rejected = `${res.status} ${res.text.slice(0, 200)}`;
            break;
          }
        } catch (error) {
          count(`network error (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
        }
        await sleep(wait * (0.5 + Math.random()));
        wait = Math.min(wait * 2, 1000);
      }
      if (record.rejected) break;
      if (o.pauseMs) await sleep(o.pauseMs);
    }
  }

  await Promise.all(o.tokens.map((_, i) => submitter(i)));
  for (const agent of agents) agent.destroy();
  return { submissions, statuses: [...statuses] };
}

/** Runs the submitters on a worker thread and resolves with what they did. */
export function submitOnWorker(options: SubmittersOptions): Promise<SubmittersResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: options });
    worker.once('message', (result: SubmittersResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`The submitters' thread stopped with code ${code}`)));
  });
}

if (!isMainThread && parentPort) parentPort.postMessage(await runSubmitters(workerData as SubmittersOptions));
