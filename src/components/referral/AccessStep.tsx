import { Choices } from '../govuk/Choices.tsx';
import { Textarea } from '../govuk/Textarea.tsx';
import { TextInput } from '../govuk/TextInput.tsx';
import type { SelfAnswers } from './self-answers.ts';
import type { StepProps } from './StepProps.ts';

export function AccessStep({ answers, set, errors }: StepProps<SelfAnswers>) {
  return (
    <>
      <h1 className="govuk-heading-l">Support you need to talk with us</h1>
      <Textarea
        id="access_needs"
        label="Do you need anything to make talking with us easier? (optional)"
        hint="For example, large print, British Sign Language, a longer appointment, or someone with you"
        error={errors.access_needs}
        value={answers.access_needs}
        onValue={(access_needs) => set({ access_needs })}
      />
      <Choices
        kind="radios"
        id="interpreter"
        legend="Do you need an interpreter?"
        error={errors.interpreter}
        choices={[
          {
            value: 'yes',
            label: 'Yes',
            conditional: (
              <TextInput
                id="interpreter_language"
                label="Which language?"
                widthClass="govuk-input--width-20"
                error={errors.interpreter_language}
                value={answers.interpreter_language}
                onValue={(interpreter_language) => set({ interpreter_language })}
              />
            ),
          },
          { value: 'no', label: 'No' },
        ]}
        value={answers.interpreter}
        onValue={(interpreter) => set({ interpreter })}
      />
    </>
  );
}
