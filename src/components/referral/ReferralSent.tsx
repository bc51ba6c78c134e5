import { Panel } from '../govuk/Panel.tsx';

export function ReferralSent({
  reference,
  startPath,
  who = 'self',
}: {
  reference: string | null;
  startPath: string;
  who?: 'self' | 'professional';
}) {
  if (!reference)
    return (
      <div className="journey">
        <h1 className="govuk-heading-l">There is no referral to show</h1>
        <p className="govuk-body">
          This page shows your reference straight after you send a referral. If you have sent one, you can{' '}
          <a className="govuk-link" href="/my-referral/">
            see it on your referral page
          </a>
          .
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href={startPath}>
            Start a referral
          </a>
        </p>
      </div>
    );
  return (
    <div className="journey">
      <Panel title="Referral sent">
        Your reference
        <br />
        <strong className="referral-reference">{reference}</strong>
      </Panel>
      <h2 className="govuk-heading-m">What happens next</h2>
      {who === 'self' ? (
        <>
          <p className="govuk-body">
            A link worker from the team for your GP practice will read your referral and contact you the way you asked, usually within 5
            working days.
          </p>
          <p className="govuk-body">
            You can see how it is going, and read and send messages, on{' '}
            <a className="govuk-link" href="/my-referral/">
              your referral page
            </a>
            . On that page you can add your email address, so you can come back to it later from any device.
          </p>
          <p className="govuk-body">Write down your reference. Give it if you phone the team.</p>
        </>
      ) : (
        <p className="govuk-body">
          The link-worker team for the person’s GP practice has the referral and will contact them, usually within 5 working days. Quote the
          reference if you contact the team about it.
        </p>
      )}
    </div>
  );
}
