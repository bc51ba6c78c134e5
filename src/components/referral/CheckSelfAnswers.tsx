import { SummaryList, type SummaryRow } from '../govuk/SummaryList.tsx';
import type { JourneyData } from '../../lib/referral-pages/journey-data.ts';
import { formatDateParts, lines } from './show-answers.tsx';
import type { SelfAnswers } from './self-answers.ts';
import { selfConsent } from './consent-wording.ts';
import { stepPath } from './steps.ts';

interface Props {
  answers: SelfAnswers;
  data: JourneyData;
  change: (slug: string) => void;
}

const methodNames: Record<string, string> = { phone: 'Phone call', text: 'Text message', email: 'Email' };

export function CheckSelfAnswers({ answers, data, change }: Props) {
  const row = (key: string, value: React.ReactNode, slug: string, what: string): SummaryRow => ({
    key,
    value,
    change: { href: stepPath('self', slug), onClick: () => change(slug), what },
  });
  const practice = data.practices.find((p) => p.code === answers.gp_practice_code);
  const area = data.areas.find((a) => a.code === practice?.pcnCode);
  const needs = data.needs.filter((n) => answers.needs.includes(n.code)).map((n) => n.label);
  return (
    <>
      <h1 className="govuk-heading-l">Check your answers before sending</h1>
      <h2 className="govuk-heading-m">About you</h2>
      <SummaryList
        rows={[
          row('Name', `${answers.given_name} ${answers.family_name}`.trim(), 'about-you', 'your name'),
          row('Date of birth', formatDateParts(answers.date_of_birth), 'about-you', 'your date of birth'),
          row('Postcode', answers.postcode.toUpperCase(), 'about-you', 'your postcode'),
          row('GP practice', lines([practice?.name ?? '', area ? `Team: ${area.name}` : '']), 'your-gp-practice', 'your GP practice'),
        ]}
      />
      <h2 className="govuk-heading-m">What you would like help with</h2>
      <SummaryList
        rows={[
          row('Help with', needs.length ? lines(needs) : 'Nothing chosen', 'what-would-help', 'what you would like help with'),
          row('What matters to you', lines(answers.what_matters.split('\n')), 'what-would-help', 'what matters to you'),
        ]}
      />
      <h2 className="govuk-heading-m">How to contact you</h2>
      <SummaryList
        rows={[
          row('Contact by', lines(answers.contact_methods.map((m) => methodNames[m] ?? m)), 'how-to-contact-you', 'how to contact you'),
          ...(answers.contact_methods.some((m) => m === 'phone' || m === 'text')
            ? [row('Phone number', answers.phone, 'how-to-contact-you', 'your phone number')]
            : []),
          ...(answers.contact_methods.includes('email') ? [row('Email', answers.email, 'how-to-contact-you', 'your email address')] : []),
          row('Safe times', answers.safe_times || 'Any time', 'how-to-contact-you', 'safe times to contact you'),
          row(
            'Leave a message',
            answers.may_leave_message === 'yes' ? 'Yes' : 'No',
            'how-to-contact-you',
            'whether we may leave a message',
          ),
        ]}
      />
      <h2 className="govuk-heading-m">Support you need</h2>
      <SummaryList
        rows={[
          row('Support to talk with us', answers.access_needs || 'None', 'support-you-need', 'the support you need'),
          row(
            'Interpreter',
            answers.interpreter === 'yes' ? answers.interpreter_language : 'Not needed',
            'support-you-need',
            'whether you need an interpreter',
          ),
        ]}
      />
      <h2 className="govuk-heading-m">Sending your referral</h2>
      <p className="govuk-body">By sending this referral you confirm that: {selfConsent.agreement.replace(/^I /, 'you ')}.</p>
    </>
  );
}
