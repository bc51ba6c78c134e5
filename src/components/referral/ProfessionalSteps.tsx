import { Choices } from '../govuk/Choices.tsx';
import { DateInput } from '../govuk/DateInput.tsx';
import { CharacterCount } from '../govuk/CharacterCount.tsx';
import { TextInput } from '../govuk/TextInput.tsx';
import { professionalConsent } from './consent-wording.ts';
import { dateParts } from './field-errors.ts';
import { dischargeNeedLabels, fromHospital, referrerSources, type ProfessionalAnswers } from './professional-answers.ts';
import type { StepProps } from './StepProps.ts';

type Props = StepProps<ProfessionalAnswers>;

export function ReferrerStep({ answers, set, errors }: Props) {
  return (
    <>
      <h1 className="govuk-heading-l">Your details</h1>
      <TextInput
        id="referrer_name"
        label="Your full name"
        autoComplete="name"
        error={errors.referrer_name}
        value={answers.referrer_name}
        onValue={(referrer_name) => set({ referrer_name })}
      />
      <TextInput
        id="referrer_role"
        label="Your role"
        hint="For example, discharge coordinator or practice nurse"
        autoComplete="organization-title"
        error={errors.referrer_role}
        value={answers.referrer_role}
        onValue={(referrer_role) => set({ referrer_role })}
      />
      <TextInput
        id="referrer_organisation"
        label="Your organisation"
        hint="For example, the hospital trust and ward, or the GP practice"
        autoComplete="organization"
        error={errors.referrer_organisation}
        value={answers.referrer_organisation}
        onValue={(referrer_organisation) => set({ referrer_organisation })}
      />
      <Choices
        kind="radios"
        id="source"
        legend="Where are you referring from?"
        error={errors.source}
        choices={referrerSources.map((s) => ({ value: s.value, label: s.label }))}
        value={answers.source}
        onValue={(source) => set({ source })}
      />
      <TextInput
        id="referrer_phone"
        label="Your work phone number"
        type="tel"
        autoComplete="work tel"
        widthClass="govuk-input--width-20"
        error={errors.referrer_phone}
        value={answers.referrer_phone}
        onValue={(referrer_phone) => set({ referrer_phone })}
      />
      <TextInput
        id="referrer_email"
        label="Your work email address"
        type="email"
        autoComplete="work email"
        spellCheck={false}
        error={errors.referrer_email}
        value={answers.referrer_email}
        onValue={(referrer_email) => set({ referrer_email })}
      />
    </>
  );
}

export function ProfessionalConsentStep({ answers, set, errors }: Props) {
  return (
    <>
      <h1 className="govuk-heading-l">The person’s consent</h1>
      <p className="govuk-body">
        Refer someone only with their agreement. The link-worker team will contact them, and they can see and withdraw the referral.
      </p>
      <Choices
        kind="checkboxes"
        id="person_consented"
        legend="Has the person agreed?"
        size="s"
        error={errors.person_consented}
        choices={[{ value: 'yes', label: professionalConsent.agreement }]}
        value={answers.person_consented ? ['yes'] : []}
        onValue={(value) => set({ person_consented: value.includes('yes') })}
      />
    </>
  );
}

export function ReasonStep({ answers, set, errors, issues, maxLength }: Props & { maxLength: number }) {
  const hospital = fromHospital(answers.source);
  return (
    <>
      <h1 className="govuk-heading-l">Why you are referring them</h1>
      <CharacterCount
        id="reason"
        label="What would help them?"
        hint="What matters to them, and what is getting in the way. Say only what the link worker needs to know."
        maxLength={maxLength}
        error={errors.reason}
        value={answers.reason}
        onValue={(reason) => set({ reason })}
      />
      <Choices
        kind="checkboxes"
        id="discharge_needs"
        legend="Is anything at home holding up a discharge or making it unsafe? (optional)"
        hint="Choose all that apply."
        error={errors.discharge_needs}
        choices={dischargeNeedLabels.map((d) => ({ value: d.value, label: d.label }))}
        value={answers.discharge_needs}
        onValue={(discharge_needs) => set({ discharge_needs })}
      />
      {hospital && (
        <>
          <TextInput
            id="ward"
            label="Ward"
            widthClass="govuk-input--width-20"
            error={errors.ward}
            value={answers.ward}
            onValue={(ward) => set({ ward })}
          />
          <DateInput
            id="expected_discharge_date"
            legend="Expected discharge date (optional)"
            hint="For example, 14 12 2026"
            error={errors.expected_discharge_date}
            errorParts={dateParts(issues, 'expected_discharge_date')}
            value={answers.expected_discharge_date}
            onValue={(expected_discharge_date) => set({ expected_discharge_date })}
          />
        </>
      )}
    </>
  );
}
