import type { SupabaseClient } from '@supabase/supabase-js';
import { useEffect, useMemo, useState } from 'react';
import type { MyReferralWithHistory } from '../../lib/referrals/client.ts';
import type { SupabaseConnection } from '../../lib/supabase-session.ts';
import { SummaryList } from '../govuk/SummaryList.tsx';
import { AddEmail } from './AddEmail.tsx';
import type { Api } from './data.ts';
import { Messages } from './Messages.tsx';
import { MyPlan } from './MyPlan.tsx';
import { SignIn } from './SignIn.tsx';
import { declinedWithReason, describeEvent, statusWords } from '../../lib/referrals/status.ts';
import { statusTagClass, when } from './status-words.ts';
import { useSession } from './use-session.ts';
import { Withdraw } from './Withdraw.tsx';

interface Props {
  connection: SupabaseConnection;
  needs: { code: string; label: string }[];
  messageMax: number;
}

/** The person's own page: loads Supabase and the referral code after the page, then shows what the session may see. */
export default function MyReferral(props: Props) {
  const [api, setApi] = useState<Api | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import('./data.ts').then(setApi, () => setFailed(true));
  }, []);
  return <Signed api={api} failed={failed} {...props} />;
}

function Loading() {
  return (
    <>
      <h1 className="govuk-heading-l">Your referral</h1>
      <p className="govuk-body">Loading your referral…</p>
    </>
  );
}

/**
 * The screen for the session. Until the page's code is in and the session is read, the screen most
 * visitors see first, its form not yet usable: rendered on the server in this same place, so it
 * paints at once and the page that wakes is the page already painted, with nothing replaced.
 */
function Signed({ api, failed, connection, needs, messageMax }: Props & { api: Api | null; failed: boolean }) {
  const supabase = useMemo(() => api?.residentClient(connection) ?? null, [api, connection]);
  const session = useSession(supabase);
  if (failed)
    return (
      <>
        <h1 className="govuk-heading-l">Your referral</h1>
        <p className="govuk-body" role="alert">
          This page could not load. Check your internet connection and reload the page.
        </p>
      </>
    );
  if (!api || !supabase || session === 'loading') return <SignIn />;
  if (!session) return <SignIn connected={{ supabase, api }} />;
  return (
    <Referral
      key={session.user.id}
      api={api}
      supabase={supabase}
      anonymous={Boolean(session.user.is_anonymous)}
      email={session.user.email ?? null}
      needs={needs}
      messageMax={messageMax}
    />
  );
}

interface ReferralProps {
  api: Api;
  supabase: SupabaseClient;
  anonymous: boolean;
  email: string | null;
  needs: Props['needs'];
  messageMax: number;
}

type Loaded =
  { kind: 'loading' } | { kind: 'none' } | { kind: 'problem'; message: string } | { kind: 'found'; data: MyReferralWithHistory };

function Referral({ api, supabase, anonymous, email, needs, messageMax }: ReferralProps) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [newest] = await api.loadMyReferrals(supabase);
        const data = newest ? await api.loadMyReferral(supabase, newest.reference) : null;
        if (live) setLoaded(data ? { kind: 'found', data } : { kind: 'none' });
      } catch (error) {
        if (live) setLoaded({ kind: 'problem', message: (error as Error).message });
      }
    })();
    return () => {
      live = false;
    };
  }, [api, supabase, reloads]);
  const referralId = loaded.kind === 'found' ? loaded.data.referral.id : null;
  const thread = useMemo(
    () => (referralId ? api.pollingThread(supabase, referralId, { intervalMs: 5_000 }) : null),
    [api, supabase, referralId],
  );

  if (loaded.kind === 'loading') return <Loading />;
  if (loaded.kind === 'problem')
    return (
      <>
        <h1 className="govuk-heading-l">Your referral</h1>
        <p className="govuk-body" role="alert">
          We could not load your referral: {loaded.message}
        </p>
      </>
    );
  if (loaded.kind === 'none')
    return (
      <>
        <h1 className="govuk-heading-l">Your referral</h1>
        <p className="govuk-body">
          There is no referral on this {anonymous ? 'device' : 'account'} yet.{' '}
          <a className="govuk-link" href="/refer/">
            Ask a link worker for help
          </a>
          .
        </p>
      </>
    );

  const { referral, history } = loaded.data;
  const status = statusWords[referral.status];
  const finished = (api.finishedStatuses as readonly string[]).includes(referral.status);
  const needLabels = needs.filter((n) => referral.needs.includes(n.code)).map((n) => n.label);
  return (
    <>
      <h1 className="govuk-heading-l">Your referral</h1>
      <SummaryList
        rows={[
          { key: 'Reference', value: <strong className="referral-reference">{referral.reference}</strong> },
          { key: 'Sent', value: when(referral.created_at) },
          {
            key: 'Status',
            value: (
              <>
                <strong className={`govuk-tag ${statusTagClass[referral.status]}`}>{status.title}</strong>
                <p className="govuk-body">
                  {referral.status === 'declined' && referral.decline_reason ? declinedWithReason : status.meaning}
                </p>
                {referral.status === 'declined' && referral.decline_reason && (
                  <blockquote className="govuk-inset-text decline-reason">{referral.decline_reason}</blockquote>
                )}
              </>
            ),
          },
          ...(needLabels.length ? [{ key: 'Help with', value: needLabels.join(', ') }] : []),
        ]}
      />
      <MyPlan api={api} supabase={supabase} referralId={referral.id} reference={referral.reference} reloads={reloads} />
      <h2 className="govuk-heading-m">What has happened so far</h2>
      <ol className="govuk-list referral-history">
        {history.map((event) => (
          <li key={event.id}>
            <time dateTime={event.at}>{when(event.at)}</time>: {describeEvent(event, referral.source)}
          </li>
        ))}
      </ol>
      {thread && <Messages thread={thread} api={api} maxLength={messageMax} onStaffMessage={() => setReloads((n) => n + 1)} />}
      {anonymous ? (
        <AddEmail supabase={supabase} api={api} />
      ) : (
        email && <p className="govuk-body">You can come back to this page from any device by signing in with {email}.</p>
      )}
      {!finished && (
        <Withdraw
          reference={referral.reference}
          withdraw={async (reason) => {
            try {
              await api.withdrawReferral(supabase, referral.id, reason);
              setReloads((n) => n + 1);
              return null;
            } catch (error) {
              return (error as Error).message;
            }
          }}
        />
      )}
    </>
  );
}
