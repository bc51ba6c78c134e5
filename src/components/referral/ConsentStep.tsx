import { Choices } from '../govuk/Choices.tsx';
import { selfConsent } from './consent-wording.ts';
import type { SelfAnswers } from './self-answers.ts';
import type { StepProps } from './StepProps.ts';

export function ConsentStep({ answers, set, errors }: StepProps<SelfAnswers>) {
  return (
    <>
      <h1 className="govuk-heading-l">Sharing your details</h1>
      {selfConsent.paragraphs.map((p) => (
        <p className="govuk-body" key={p}>
          {p}
        </p>
      ))}
      <Choices
        kind="checkboxes"
        id="consent_given"
        legend="Do you agree?"
        size="s"
        error={errors.consent_given}
        choices={[{ value: 'yes', label: selfConsent.agreement }]}
        value={answers.consent_given ? ['yes'] : []}
        onValue={(value) => set({ consent_given: value.includes('yes') })}
      />
    </>
  );
}
