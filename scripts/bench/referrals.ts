import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { rmSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { connect } from '../../src/lib/oruk/db.ts';
import { scriptConfig } from '../lib/config.ts';
import { seedCatalogue } from '../seed-catalogue.ts';
import { startStack } from '../stack/index.ts';
import { profiles } from '../stack/profiles.ts';
import { portInUse } from '../stack/processes.ts';
import { requestRaw } from './http.ts';
import { benchReferralSettings, storedReferrals } from './referral-submission.ts';
import { submitOnWorker, submitterAddresses, type Submitted } from './referral-submitters.ts';
import { writeSection } from './sections.ts';
import { ms, percentile } from './types.ts';

/**
 * `npm run bench:referrals [-- --submitters 50 --seconds 60 --restart-at 20]`: the load and fault
 * test of referral submission (issue 10). In a fresh bench stack (.stack-bench, wiped) with the
 * sample practices, each submitter signs in anonymously, then for the given time submits valid
 * referrals one after another, each with its own client-made idempotency key, retrying a key after
 * any network error or 5xx until it is acknowledged, as the browser does. Midway PostgREST is
 * stopped and started again through the stack's own handle. Afterwards the database is counted:
 * stored, duplicates (more rows than distinct keys), and lost (keys tried but not stored). The
 * figures go to docs/benchmarks.md with the machine, date, commit and load average.
 */
// `npm run bench` imports every file in scripts/bench/; this one is a command with a stack of its own.
if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      submitters: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '60' },
      'restart-at': { type: 'string', default: '20' },
      /** A pause between one submitter's referrals (0: each sends its next as soon as the last is acknowledged). */
      'pause-ms': { type: 'string', default: '0' },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const submitters = Number(values.submitters);
  const seconds = Number(values.seconds);
  const restartAt = Number(values['restart-at']);
  const pauseMs = Number(values['pause-ms']);
  if (![submitters, seconds, restartAt].every((n) => Number.isFinite(n) && n > 0) || restartAt >= seconds || !(pauseMs >= 0))
    throw new Error(
      '--submitters, --seconds and --restart-at must be numbers above 0, with --restart-at before the end; --pause-ms 0 or more',
    );

  /** How long a key already tried may keep being retried after the run's end, before it is given up. */
  const drainMs = 30_000;

  const profile = profiles.bench;
  if (await portInUse(profile.ports.postgres)) throw new Error('A bench stack is already running; stop it first.');
  rmSync(profile.stateDir, { recursive: true, force: true });

  // Bench-only settings: the sign-ins all come from 127.0.0.1, and each submitter sends far more referrals
  // than a person would, so the limits on anonymous sign-ins and on referrals are raised for this
  // stack alone. Normal runs keep them.
  Object.assign(process.env, { GOTRUE_RATE_LIMIT_ANONYMOUS_USERS: String(submitters * 10) });
  const stack = await startStack(profile, () => {});
  try {
    const config = scriptConfig({ ...process.env, ...stack.env });
    const postgrest = stack.parts?.postgrest;
    if (!postgrest) throw new Error('The bench needs a bench stack of its own, to restart its PostgREST.');
    await seedCatalogue(config.DATABASE_URL);
    const db = await connect(config.DATABASE_URL);
    // Each session and address may send as many referrals as one submitter can: about 20 a second at
    // most in the run, and up to about 250 a second in the five seconds alone before it.
    await benchReferralSettings(db, Math.max(2000, seconds * 20), submitterAddresses);
    const practices = (
      await db.query<{ code: string; pcnCode: string }>(
        `select p.code, n.code as "pcnCode" from public.gp_practices p join public.pcns n on n.id = p.pcn_id
         where n.self_referral_open and exists (select from public.team_pcns t where t.pcn_id = p.pcn_id) order by p.code`,
      )
    ).rows;
    if (!practices.length) throw new Error('The sample data has no practice taking self-referrals online.');

    const base = config.PUBLIC_SUPABASE_URL;
    const apikey = config.PUBLIC_SUPABASE_PUBLISHABLE_KEY;
    const agent = new http.Agent({ keepAlive: true, maxSockets: submitters * 2 });

    // Each submitter is a person with an anonymous session of their own.
    const tokens = await Promise.all(
      Array.from({ length: submitters + 1 }, async () => {
        const res = await requestRaw(`${base}/auth/v1/signup`, { agent, headers: { apikey }, body: {} });
        if (res.status !== 200) throw new Error(`Anonymous sign-in failed: ${res.status} ${res.text.slice(0, 200)}`);
        return (JSON.parse(res.text) as { access_token: string }).access_token;
      }),
    );
    agent.destroy();
    // The last session, alone for a few seconds first: each referral's cost with nothing queued. It
    // connects from an address of its own, as it has a session of its own: the referrals it sends
    // here would otherwise count towards the first submitter's limit in the run.
    const alone = await submitOnWorker({
      base,
      apikey,
      firstAddress: submitters,
      tokens: tokens.splice(submitters, 1),
      practices,
      endAt: Date.now() + 5000,
      drainMs,
      pauseMs: 0,
    });
    const aloneLatency = alone.submissions.filter((s) => s.acknowledged !== undefined).map((s) => s.acknowledged! - s.started);
    // A fresh stack's referral tables were empty when its connections first planned their queries;
    // in use, autovacuum analyses them as they fill and the plans follow. Analyse them now, as it would.
    await db.query('analyze public.referrals, public.referral_rate_counts, public.referral_events, public.notification_outbox');

    const sleep = (msToWait: number) => new Promise((r) => setTimeout(r, msToWait));
    const now = () => performance.timeOrigin + performance.now();
    const t0 = now();

    // PostgREST goes away mid-run and comes back, as during a hosted restart.
    let window = { from: 0, to: 0 };
    const restart = (async () => {
      await sleep(restartAt * 1000);
      window.from = now();
      await postgrest.stop();
      await postgrest.start();
      window = { from: window.from, to: now() };
    })();

    const load = loadavg()[0]!.toFixed(1);
    console.log(
      `${submitters} submitters for ${seconds} s${pauseMs ? `, pausing ${pauseMs} ms between referrals` : ''}; PostgREST restarts at ${restartAt} s (load average ${load})…`,
    );
    const [, { submissions, statuses }] = await Promise.all([
      restart,
      submitOnWorker({ base, apikey, tokens, practices, endAt: t0 + seconds * 1000, drainMs, pauseMs }),
    ]);
    const loadAfter = loadavg()[0]!.toFixed(1);

    const keys = submissions.map((s) => s.key);
    const stored = await storedReferrals(db, keys);
    await db.end();

    const acknowledged = submissions.filter((s) => s.acknowledged !== undefined);
    const rejected = submissions.filter((s) => s.rejected);
    const rejectedKeys = new Set(rejected.map((r) => r.key));
    const lost = keys.filter((k) => !stored.keys.has(k) && !rejectedKeys.has(k));
    const duplicates = stored.rows - stored.keys.size;
    const latency = (list: Submitted[]) => list.map((s) => s.acknowledged! - s.started);
    const outside = acknowledged.filter((s) => s.acknowledged! < window.from || s.started > window.to);
    const p = (list: Submitted[]) => `${ms(percentile(latency(list), 50))} / ${ms(percentile(latency(list), 95))}`;
    const p95Outside = percentile(latency(outside), 95);
    const retried = submissions.filter((s) => s.attempts > 1).length;

    const runSeconds = (Math.max(...acknowledged.map((s) => s.acknowledged!)) - t0) / 1000;
    const rows: [string, string, string, boolean | null][] = [
      [
        'One submitter alone beforehand (nothing queued), p50 / p95',
        `${ms(percentile(aloneLatency, 50))} / ${ms(percentile(aloneLatency, 95))} (n=${aloneLatency.length})`,
        '—',
        null,
      ],
      ['Throughput under load', `${(acknowledged.length / runSeconds).toFixed(0)} referrals/s`, '—', null],
      ['Submitted (distinct keys tried)', String(submissions.length), '—', null],
      ['Acknowledged', `${acknowledged.length} (${submissions.filter((s) => s.replayed).length} answered as replays)`, '—', null],
      ['Retried after an error', String(retried), '—', null],
      ['Stored (rows in the database for these keys)', String(stored.rows), '—', null],
      ['Duplicates (rows beyond one per key)', String(duplicates), '0', duplicates === 0],
      ['Lost (keys tried or acknowledged but not stored)', String(lost.length), '0', lost.length === 0],
      ['Rejected (4xx the person would have to act on)', String(rejected.length), '0', rejected.length === 0],
      [
        'PostgREST restart window',
        `${((window.to - window.from) / 1000).toFixed(1)} s, from ${((window.from - t0) / 1000).toFixed(1)} s`,
        '—',
        null,
      ],
      ['Latency, first attempt to acknowledgement, overall, p50 / p95', p(acknowledged), '—', null],
      [
        'Latency outside the restart window, p50 / p95',
        `${p(outside)} (n=${outside.length})`,
        '≤ 200 ms p95',
        Number.isFinite(p95Outside) && p95Outside <= 200,
      ],
    ];
    console.log(`\nAnswers: ${statuses.map(([s, n]) => `${s}: ${n}`).join(', ')}`);
    for (const [measure, figure, , met] of rows)
      console.log(`  ${measure}: ${figure}${met === null ? '' : met ? '  (met)' : '  (MISSED)'}`);
    console.log(`Load average: ${load} at the start, ${loadAfter} at the end.`);
    if (rejected.length) console.log(`First rejection: ${rejected[0]!.rejected}`);

    if (!values['no-write']) {
      const commit = (() => {
        try {
          return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
        } catch {
          return 'unknown';
        }
      })();
      const cpu = cpus();
      await writeSection(
        'bench:referrals',
        [
          '## Referral submission under load, with a PostgREST restart',
          '',
          `Written by \`npm run bench:referrals\` (scripts/bench/referrals.ts). ${submitters} submitters, each with its own anonymous`,
          `session, submit valid referrals one after another${pauseMs ? ` (pausing ${pauseMs} ms between them)` : ' (no pause)'} for ${seconds} s with client-made idempotency keys, retrying a key after`,
          `a network error or 5xx; PostgREST is stopped and started at ${restartAt} s. Latency runs from a referral's first attempt to`,
          'its acknowledgement, through the gateway, on a kept-alive client with TCP_NODELAY. Each submitter connects from its own',
          'loopback address (127.0.1.1, 127.0.1.2, …), which the gateway records, as 50 people would come from 50 addresses.',
          'Bench-only limits, since each submitter sends many referrals from one session and one address:',
          '`GOTRUE_RATE_LIMIT_ANONYMOUS_USERS` for the sign-ins, `public.referral_limits.per_session_per_hour` and a',
          '`referral_address_allowances` row for 127.0.0.0/8 (wiped with the bench stack; other stacks keep their limits).',
          '',
          `- Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB memory, ${osType()} ${release()}, Node ${process.version}`,
          `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
          `- Commit: ${commit}`,
          `- Load average (1 min): ${load} at the start, ${loadAfter} at the end (a shared machine)`,
          `- Answers: ${statuses.map(([s, n]) => `${s}: ${n}`).join(', ')}`,
          '',
          '| Measure | Figure | Target | Met |',
          '| --- | --- | --- | --- |',
          ...rows.map(
            ([m, f, t, met]) => `| ${m} | ${f.replace(/\|/g, '\\|')} | ${t} | ${met === null ? '—' : met ? 'met' : '**missed**'} |`,
          ),
        ].join('\n'),
      );
      console.log('Wrote docs/benchmarks.md.');
    }
    process.exitCode = duplicates === 0 && lost.length === 0 ? 0 : 1;
  } finally {
    await stack.stop();
  }
}
