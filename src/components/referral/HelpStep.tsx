import { CharacterCount } from '../govuk/CharacterCount.tsx';
import { Choices } from '../govuk/Choices.tsx';
import type { JourneyNeed } from '../../lib/referral-pages/journey-data.ts';
import type { SelfAnswers } from './self-answers.ts';
import type { StepProps } from './StepProps.ts';

export function HelpStep({ answers, set, errors, needs, maxLength }: StepProps<SelfAnswers> & { needs: JourneyNeed[]; maxLength: number }) {
  return (
    <>
      <h1 className="govuk-heading-l">What you would like help with</h1>
      <Choices
        kind="checkboxes"
        id="needs"
        legend="What would you like help with?"
        hint="Choose all that apply. You can talk about anything else with your link worker."
        small
        error={errors.needs}
        choices={needs.map((n) => ({ value: n.code, label: n.label }))}
        value={answers.needs}
        onValue={(value) => set({ needs: value })}
      />
      <CharacterCount
        id="what_matters"
        label="What matters to you?"
        hint="In your own words: what is life like at the moment, and what would make it better? You do not need to tell us anything you would rather say in person."
        maxLength={maxLength}
        error={errors.what_matters}
        value={answers.what_matters}
        onValue={(what_matters) => set({ what_matters })}
      />
    </>
  );
}
