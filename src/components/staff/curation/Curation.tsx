import './curation.css';
import { lazy } from 'react';
import type { StaffProfile } from '../../../lib/staff/profile.ts';
import type { SessionClient } from '../../../lib/supabase-session.ts';
import { Heading } from '../Heading.tsx';

const ReportQueue = lazy(() => import('./ReportQueue.tsx'));
const ReportDecision = lazy(() => import('./ReportDecision.tsx'));
const ReviewQueue = lazy(() => import('./ReviewQueue.tsx'));
const ListingSearch = lazy(() => import('./ListingSearch.tsx'));
const ServiceEditor = lazy(() => import('./ServiceEditor.tsx'));
const OrganisationEditor = lazy(() => import('./OrganisationEditor.tsx'));
const PlaceEditor = lazy(() => import('./PlaceEditor.tsx'));
const FlagListing = lazy(() => import('./FlagListing.tsx'));

interface Props {
  route: string[];
  client: SessionClient;
  profile: StaffProfile;
  ensureSession: () => Promise<boolean>;
}

/**
 * Directory curation in the workspace. Every member of staff may flag a listing; the rest is for
 * curators and admins, whose powers the database grants only with the second factor (aal2).
 */
export default function Curation({ route, client, profile, ensureSession }: Props) {
  const [, screen = '', id = '', extra] = route;
  if (screen === 'flag') return <FlagListing client={client} ensureSession={ensureSession} />;
  if (profile.role !== 'curator' && profile.role !== 'admin')
    return (
      <>
        <Heading title="Only curators can change the directory">Only curators can change the directory</Heading>
        <p>You can still tell the curators about a listing that is wrong.</p>
        <p>
          <a href="#curation/flag">Flag a problem with a listing</a>
        </p>
        <p>
          <a href="#">Back to the workspace home</a>
        </p>
      </>
    );
  const common = { client, ensureSession };
  switch (screen) {
    case 'reports':
      return <ReportQueue client={client} />;
    case 'report':
      return <ReportDecision {...common} reportId={id} key={id} />;
    case 'review':
      return <ReviewQueue {...common} />;
    case 'listings':
      return <ListingSearch client={client} />;
    case 'service':
      return <ServiceEditor {...common} serviceId={id} curatorEmail={profile.email} key={id} />;
    case 'organisation':
      return <OrganisationEditor {...common} organisationId={id} key={id} />;
    case 'place':
      return <PlaceEditor {...common} locationId={id} forService={extra} key={`${id}/${extra ?? ''}`} />;
    default:
      return (
        <>
          <Heading title="Directory curation">Directory curation</Heading>
          <ul className="curation-menu">
            <li>
              <a href="#curation/reports">Reports and suggestions from the public and staff</a>
            </li>
            <li>
              <a href="#curation/review">Listings due a check</a>
            </li>
            <li>
              <a href="#curation/listings">Find, add and edit listings</a>
            </li>
            <li>
              <a href="#curation/organisation/new">Add an organisation</a>
            </li>
          </ul>
          <p>
            <a href="#">Back to the workspace home</a>
          </p>
        </>
      );
  }
}
