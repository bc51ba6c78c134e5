import type { ReactNode } from 'react';
import { SummaryList, type SummaryRow } from '../govuk/SummaryList.tsx';
import type { JourneyData } from '../../lib/referral-pages/journey-data.ts';
import { dischargeNeedLabels, fromHospital, referrerSources, type ProfessionalAnswers } from './professional-answers.ts';
import { formatDateParts, lines } from './show-answers.tsx';
import { stepPath } from './steps.ts';

const methodNames: Record<string, string> = { phone: 'Phone call', text: 'Text message', email: 'Email' };

export function CheckProfessional({
  answers,
  data,
  change,
}: {
  answers: ProfessionalAnswers;
  data: JourneyData;
  change: (slug: string) => void;
}) {
  const row = (key: string, value: ReactNode, slug: string, what: string): SummaryRow => ({
    key,
    value,
    change: { href: stepPath('professional', slug), onClick: () => change(slug), what },
  });
  const practice = data.practices.find((p) => p.code === answers.gp_practice_code);
  const area = data.areas.find((a) => a.code === practice?.pcnCode);
  const source = referrerSources.find((s) => s.value === answers.source)?.label ?? '';
  const needs = dischargeNeedLabels.filter((d) => answers.discharge_needs.includes(d.value)).map((d) => d.label);
  const { day, month, year } = answers.expected_discharge_date;
  const hasDate = [day, month, year].some((v) => v.trim() !== '');
  return (
    <>
      <h1 className="govuk-heading-l">Check the referral before sending</h1>
      <h2 className="govuk-heading-m">You</h2>
      <SummaryList
        rows={[
          row('Name', answers.referrer_name, 'your-details', 'your name'),
          row('Role', lines([answers.referrer_role, answers.referrer_organisation]), 'your-details', 'your role and organisation'),
          row('Referring from', source, 'your-details', 'where you are referring from'),
          row('Contact', lines([answers.referrer_phone, answers.referrer_email]), 'your-details', 'your contact details'),
          row('Person’s consent', answers.person_consented ? 'They have agreed' : 'Not confirmed', 'consent', 'the person’s consent'),
        ]}
      />
      <h2 className="govuk-heading-m">The person</h2>
      <SummaryList
        rows={[
          row('Name', `${answers.given_name} ${answers.family_name}`.trim(), 'about-the-person', 'their name'),
          row('Date of birth', formatDateParts(answers.date_of_birth), 'about-the-person', 'their date of birth'),
          row('Postcode', answers.postcode.toUpperCase(), 'about-the-person', 'their postcode'),
          row(
            'Contact by',
            lines([
              answers.contact_methods.map((m) => methodNames[m] ?? m).join(', '),
              answers.contact_methods.some((m) => m !== 'email') ? answers.phone : '',
              answers.contact_methods.includes('email') ? answers.email : '',
              answers.safe_times ? `Safe times: ${answers.safe_times}` : '',
              answers.may_leave_message === 'yes' ? 'A message may be left' : 'No messages to be left',
            ]),
            'how-to-contact-them',
            'how to contact them',
          ),
          row('GP practice', lines([practice?.name ?? '', area ? `Team: ${area.name}` : '']), 'their-gp-practice', 'their GP practice'),
        ]}
      />
      <h2 className="govuk-heading-m">The referral</h2>
      <SummaryList
        rows={[
          row('What would help', lines(answers.reason.split('\n')), 'reason', 'what would help them'),
          row('At home', needs.length ? lines(needs) : 'Nothing noted', 'reason', 'what is holding up a discharge'),
          ...(fromHospital(answers.source)
            ? [
                row('Ward', answers.ward, 'reason', 'the ward'),
                row(
                  'Expected discharge',
                  hasDate ? formatDateParts(answers.expected_discharge_date) : 'Not known',
                  'reason',
                  'the expected discharge date',
                ),
              ]
            : []),
        ]}
      />
    </>
  );
}
