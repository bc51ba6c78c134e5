import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptConfig } from '../../../scripts/lib/config.ts';
import { notificationLinks } from '../../../scripts/lib/notification-mail.ts';
import { sendLinkWorkerMessage } from '../../../scripts/lib/referral-message.ts';
import { supabaseService } from '../../../scripts/lib/supabase-service.ts';
import { runNotifier, type NotifierConfig } from '../../../scripts/lib/notifier.ts';
import { smtpConfig } from '../../../scripts/lib/smtp-config.ts';
import { databaseUrl } from '../../../scripts/stack/postgres.ts';
import { host, profiles } from '../../../scripts/stack/profiles.ts';
import { startLocalSmtp, type LocalSmtp } from '../../../scripts/stack/smtp.ts';
import { mailTo, uniqueEmail, type Mail } from '../auth/helpers.ts';
import { resident, samplePractice, selfAnswers, sql, submit } from '../referrals/support.ts';
import { testStack } from '../../support/stack.ts';
import { person, rest } from '../catalogue/support.ts';
import { hostile, publishedService, report } from '../curation/support.ts';

/**
 * The notification worker against the real test stack: referrals submitted through PostgREST, the
 * worker as `npm run notifier` runs it, and an SMTP listener of this file's own (delivering into
 * the same local mailbox), so that stopping it to prove retries disturbs no other test.
 */
const smtpPort = profiles.test.ports.smtp + 40;
let smtp: LocalSmtp | undefined;
const startSmtp = async () => {
  smtp = await startLocalSmtp({ host, port: smtpPort, databaseUrl: databaseUrl(profiles.test, 'supabase_auth_admin') });
};
const config: NotifierConfig = {
  ...scriptConfig({ ...process.env, ...testStack.env }),
  ...smtpConfig({ ...testStack.env, SMTP_PORT: String(smtpPort) }),
};
const site = config.PUBLIC_SITE_URL;
const log: string[] = [];
const workers: { stop: AbortController; done: Promise<void> }[] = [];
function startWorker(): void {
  const stop = new AbortController();
  const done = runNotifier(config, {
    signal: stop.signal,
    log: (line) => log.push(line),
    pollMs: 100,
    firstRetrySeconds: 0.3,
    maxRetrySeconds: 1,
    smtpTimeoutMs: 3000,
  });
  workers.push({ stop, done });
}

async function eventually<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const result = await check();
    if (result) return result;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${what}: not so after ${timeoutMs} ms. The worker said: ${log.slice(-5).join(' | ') || 'nothing'}`);
}

interface OutboxRow {
  kind: string;
  attempts: number;
  sent_at: Date | null;
  last_error: string | null;
}
const outboxOf = (reference: string) =>
  sql<OutboxRow>(
    `select o.kind, o.attempts, o.sent_at, o.last_error from public.notification_outbox o
     join public.referrals r on r.id = o.referral_id where r.reference = $1 order by o.id`,
    [reference],
  );

async function teamAddressOf(reference: string): Promise<string> {
  const [row] = await sql<{ contact_email: string }>(
    'select t.contact_email from public.referrals r join public.teams t on t.id = r.team_id where r.reference = $1',
    [reference],
  );
  return row!.contact_email;
}

/** A person refers themselves with answers no mail should ever repeat; returns the reference and answers. */
async function referral(overrides: Record<string, unknown> = {}) {
  const answers = selfAnswers(await samplePractice(), {
    given_name: 'Zephyrine',
    family_name: 'Quillfeather',
    date_of_birth: '1951-02-17',
    postcode: 'PE31 6XY',
    needs: ['loneliness', 'money'],
    what_matters: 'Keeping my late husband’s bees and getting back to the allotment after my diabetes diagnosis.',
    contact_methods: ['phone'],
    phone: '01632 960 404',
    email: uniqueEmail('person'),
    safe_times: 'Tuesday afternoons',
    ...overrides,
  });
  const answer = await submit(await resident(), answers);
  expect(answer.status).toBe(200);
  return { reference: (answer.body as { reference: string }).reference, answers };
}

const teamMailFor = async (reference: string) =>
  (await mailTo(await teamAddressOf(reference))).filter((m) => m.subject.includes(reference));

function expectNoAnswersIn(mail: Mail, answers: Record<string, unknown>): void {
  const said = `${mail.subject}\n${mail.text}\n${mail.html}`;
  for (const field of ['given_name', 'family_name', 'date_of_birth', 'postcode', 'what_matters', 'phone', 'email', 'safe_times'] as const) {
    const value = answers[field];
    if (typeof value === 'string') expect(said, `the mail repeats the ${field}`).not.toContain(value);
  }
  expect(said).not.toMatch(/diabetes|bees|allotment|loneliness|money/i);
}

beforeAll(async () => {
  await startSmtp();
  startWorker();
});

afterAll(async () => {
  for (const w of workers) w.stop.abort();
  await Promise.all(workers.map((w) => w.done));
  await smtp?.stop();
});

describe('the notification worker', () => {
  it('emails the team when a referral arrives, with a link to the workspace and none of the person’s answers', async () => {
    const { reference, answers } = await referral();
    const [mail] = await eventually(
      async () => (await teamMailFor(reference)).length > 0 && teamMailFor(reference),
      'the team mail arrived',
    );
    expect(mail!.subject).toBe(`New referral ${reference} is waiting`);
    expect(mail!.kind).toBe('referral_received');
    expect(mail!.text).toContain(`A new referral ${reference} is waiting`);
    expect(mail!.links).toContain(notificationLinks.workspace(site, reference));
    expectNoAnswersIn(mail!, answers);
    const [row] = await outboxOf(reference);
    expect(row).toMatchObject({ kind: 'referral_received', attempts: 1, last_error: null });
    expect(row!.sent_at).not.toBeNull();
  });

  it('emails the person when a link worker messages them, only when they chose email, with a link to their page and not the message', async () => {
    const chose = await referral({ contact_methods: ['email', 'phone'], email: uniqueEmail('chose-email') });
    const didNot = await referral({ contact_methods: ['phone'], email: uniqueEmail('did-not-choose') });
    // As `npm run referral:message` sends it, with the service role.
    const service = supabaseService(config);
    const text = 'Hello, it is Sam. About your diabetes and the bees: can we talk on Tuesday?';
    for (const { reference } of [chose, didNot]) await sendLinkWorkerMessage(service, { reference, text, from: 'Sam, link worker' });
    const to = chose.answers.email as string;
    const [mail] = await eventually(async () => (await mailTo(to)).length > 0 && mailTo(to), 'the person’s mail arrived');
    expect(mail!.subject).toBe('You have a new message from your link worker');
    expect(mail!.kind).toBe('message_for_person');
    expect(mail!.links).toEqual([notificationLinks.myReferral(site)]);
    expect(`${mail!.text}${mail!.html}`).not.toContain('Sam');
    expect(`${mail!.text}${mail!.html}`).not.toContain(chose.reference);
    expectNoAnswersIn(mail!, chose.answers);

    // The person who chose only the phone: no mail queued for the message, none sent.
    expect((await outboxOf(didNot.reference)).map((r) => r.kind)).toEqual(['referral_received']);
    await eventually(async () => (await outboxOf(didNot.reference)).every((r) => r.sent_at), 'the other referral’s team mail went');
    expect(await mailTo(didNot.answers.email as string)).toEqual([]);
  });

  it('tells a resident who left an address what became of their report, with a link to the listing and nothing they wrote', async () => {
    const listing = await publishedService();
    const to = uniqueEmail('reporter');
    const note = `The Tuesday group moved to Thursdays. ${hostile}`;
    const sent = await report({ kind: 'problem', service_id: listing.id, problem: 'wrong_time', note, email: to });
    expect(sent.status).toBe(200);
    const reportId = (sent.body as { id: string }).id;
    try {
      const curator = await person('curator');
      const decided = await rest(curator, 'POST', 'rpc/decide_listing_report', { report_id: reportId, decision: 'accepted' });
      expect(decided.status).toBe(204);
      const [mail] = await eventually(async () => (await mailTo(to)).length > 0 && mailTo(to), 'the reporter’s mail arrived');
      expect(mail!.kind).toBe('listing_report_accepted');
      expect(mail!.subject).toBe('Thank you: we have updated the directory');
      expect(mail!.links).toEqual([notificationLinks.listing(site, listing.id)]);
      const said = `${mail!.subject}\n${mail!.text}\n${mail!.html}`;
      expect(said).not.toContain('Thursdays');
      expect(said).not.toContain('onerror');
    } finally {
      await sql('delete from public.listing_reports where id = $1', [reportId]);
    }
  });

  it('keeps a mail it cannot send, counting attempts, and sends it once the mail server is back', async () => {
    await smtp!.stop();
    smtp = undefined;
    const { reference } = await referral();
    const [failing] = await eventually(async () => {
      const rows = await outboxOf(reference);
      return rows[0] && rows[0].attempts >= 2 && rows;
    }, 'the mail was tried twice');
    expect(failing).toMatchObject({ sent_at: null, last_error: expect.stringMatching(/ECONNREFUSED|connect/i) as string });
    expect(await teamMailFor(reference)).toEqual([]);

    await startSmtp();
    const [sent] = await eventually<OutboxRow[]>(async () => {
      const rows = await outboxOf(reference);
      return rows[0]?.sent_at ? rows : undefined;
    }, 'the mail was sent once the server was back');
    // Sent on a later attempt than the failed ones (the second may still have been in flight when the server came back).
    expect(sent!.attempts).toBeGreaterThanOrEqual(2);
    expect(sent!.last_error).toBeNull();
    expect(await teamMailFor(reference)).toHaveLength(1);
  });

  it('sends each mail once when two workers share the outbox', async () => {
    startWorker();
    const references = [];
    for (let i = 0; i < 8; i++) references.push((await referral()).reference);
    for (const reference of references) {
      await eventually(async () => (await outboxOf(reference))[0]?.sent_at, `the mail for ${reference} was sent`);
      expect(await teamMailFor(reference)).toHaveLength(1);
    }
  });
});

describe('the outbox functions', () => {
  it('let only the service role claim or record notifications', async () => {
    for (const fn of ['claim_notifications', 'record_notification_sent', 'record_notification_failure']) {
      const [row] = await sql<{ definer: boolean; config: string[]; runners: string[] }>(
        `select p.prosecdef as definer, p.proconfig as config,
                array(select r from unnest(array['public', 'anon', 'authenticated', 'service_role']) r
                      where has_function_privilege(r, p.oid, 'execute')) as runners
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public' and p.proname = $1`,
        [fn],
      );
      expect(row, fn).toEqual({ definer: true, config: ['search_path=""'], runners: ['service_role'] });
    }
    const asPerson = await fetch(`${testStack.supabaseUrl}/rest/v1/rpc/claim_notifications`, {
      method: 'POST',
      headers: {
        apikey: testStack.publishableKey,
        authorization: `Bearer ${(await resident()).token}`,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(asPerson.status).toBe(403);
    expect(await asPerson.json()).toMatchObject({ code: '42501' });
    const asAnon = await fetch(`${testStack.supabaseUrl}/rest/v1/rpc/claim_notifications`, {
      method: 'POST',
      headers: { apikey: testStack.publishableKey, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(asAnon.status).toBe(401);
  });
});
