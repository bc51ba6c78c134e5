import type { ReferralRecord } from '../../../lib/workspace/record.ts';
import { shortDate, shortDateTime, sourceWords } from '../../../lib/workspace/words.ts';
import { SummaryList, type SummaryRow } from '../../govuk/SummaryList.tsx';

const dischargeWords: Record<string, string> = {
  cluttered_or_unsafe_home: 'Cluttered or unsafe home',
  minor_repairs_or_adaptations: 'Minor repairs or adaptations',
  furniture_removal: 'Furniture removal',
  homelessness: 'Homelessness',
  no_one_at_home: 'No one at home to help',
};
const contactWords: Record<string, string> = { phone: 'Phone', email: 'Email', text: 'Text message' };

/** What the person (or their referrer) told us, as they said it. Text is always text, never HTML. */
export function Answers({ record, needs }: { record: ReferralRecord; needs: Map<string, string> }) {
  const optional = (key: string, value: string | null | undefined): SummaryRow[] => (value ? [{ key, value }] : []);
  const rows: SummaryRow[] = [
    { key: 'Name', value: `${record.given_name} ${record.family_name}` },
    { key: 'Date of birth', value: shortDate(record.date_of_birth) },
    { key: 'Postcode', value: record.postcode },
    { key: 'GP practice', value: `${record.practice.name} (${record.pcn.name})` },
    { key: 'Help with', value: record.needs.map((n) => needs.get(n) ?? n).join(', ') || 'Not said' },
    ...optional(record.source === 'self' ? 'What matters to them' : 'What matters to them (from the referrer)', record.what_matters),
    { key: 'How to contact them', value: record.contact_methods.map((m) => contactWords[m] ?? m).join(', ') },
    ...optional('Phone', record.phone),
    ...optional('Email', record.email),
    ...optional('Safe times to contact', record.safe_times),
    { key: 'May we leave a message', value: record.may_leave_message ? 'Yes' : 'No' },
    ...optional('Accessibility needs', record.access_needs),
    ...optional('Interpreter', record.interpreter_language),
    { key: 'Source', value: sourceWords[record.source] },
    ...(record.referrer_name
      ? [
          {
            key: 'Referred by',
            value: [record.referrer_name, record.referrer_role, record.referrer_organisation].filter(Boolean).join(', '),
          },
        ]
      : []),
    ...optional('Referrer’s phone', record.referrer_phone),
    ...optional('Referrer’s email', record.referrer_email),
    ...optional('Reason for the referral', record.reason),
    ...optional('Ward', record.ward),
    ...optional('Expected discharge', record.expected_discharge_date ? shortDate(record.expected_discharge_date) : null),
    ...optional('Discharge support needs', record.discharge_needs.map((d) => dischargeWords[d] ?? d).join(', ')),
    { key: 'Consent', value: `Agreed (${record.consent_version}) on ${shortDateTime(record.consent_recorded_at)}` },
    ...optional('Why they withdrew', record.withdraw_reason),
  ];
  return <SummaryList rows={rows} />;
}
