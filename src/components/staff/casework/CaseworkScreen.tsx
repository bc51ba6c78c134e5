import { lazy } from 'react';
import type { StaffProfile } from '../../../lib/staff/profile.ts';
import type { SessionClient } from '../../../lib/supabase-session.ts';
import { Heading } from '../Heading.tsx';

// Each its own chunk, as the record screen will load them.
const PlanPanel = lazy(() => import('../plan/PlanPanel.tsx'));
const WellbeingPanel = lazy(() => import('../wellbeing/WellbeingPanel.tsx'));
const SpendPanel = lazy(() => import('../fund/SpendPanel.tsx'));
const TeamFund = lazy(() => import('../fund/TeamFund.tsx'));

export type CaseworkRoute = { kind: 'plan'; referralId: string } | { kind: 'team-fund' };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `#plan/<referral id>` (the record's plan, wellbeing and spend panels on their own) and `#team-fund`. */
export function caseworkRoute(hash: string): CaseworkRoute | null {
  if (hash === '#team-fund') return { kind: 'team-fund' };
  const id = /^#plan\/(.+)$/.exec(hash)?.[1];
  return id && uuid.test(id) ? { kind: 'plan', referralId: id.toLowerCase() } : null;
}

interface Props {
  route: CaseworkRoute;
  client: SessionClient;
  profile: StaffProfile;
  ensureSession: () => Promise<boolean>;
}

export function CaseworkScreen({ route, client, profile, ensureSession }: Props) {
  if (route.kind === 'team-fund') return <TeamFund client={client} profile={profile} ensureSession={ensureSession} />;
  return (
    <>
      <p>
        <a className="back-link" href="#">
          Back
        </a>
      </p>
      <Heading title="Plan, wellbeing and spend">Plan, wellbeing and spend</Heading>
      <PlanPanel client={client} referralId={route.referralId} ensureSession={ensureSession} />
      <WellbeingPanel client={client} referralId={route.referralId} ensureSession={ensureSession} />
      <SpendPanel client={client} referralId={route.referralId} ensureSession={ensureSession} />
    </>
  );
}
