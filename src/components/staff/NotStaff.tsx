import { Heading } from './Heading.tsx';

/** A signed-in person whose account is not (or no longer) an active staff account. */
export default function NotStaff({ email, onSignOut }: { email: string; onSignOut: () => void }) {
  return (
    <>
      <Heading title="This account is not a staff account">This account is not a staff account</Heading>
      <p>
        You are signed in as <strong>{email || 'an account without an email address'}</strong>, but it is not an active Signpost staff
        account, so the staff workspace is closed to it.
      </p>
      <ul className="bullets">
        <li>If you work as a link worker, coordinator or curator, ask your team's administrator to invite this email address.</li>
        <li>If you have left a team, your access ended when you left.</li>
        <li>
          If you referred yourself or someone else, you do not need a staff account: go to <a href="/">the Signpost home page</a>.
        </li>
      </ul>
      <button type="button" className="button secondary" onClick={onSignOut}>
        Sign out
      </button>
    </>
  );
}
