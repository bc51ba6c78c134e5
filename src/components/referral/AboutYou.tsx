import { DateInput } from '../govuk/DateInput.tsx';
import { TextInput } from '../govuk/TextInput.tsx';
import { dateParts } from './field-errors.ts';
import type { StepProps } from './StepProps.ts';
import type { DateParts } from '../govuk/DateInput.tsx';

interface PersonAnswers {
  given_name: string;
  family_name: string;
  date_of_birth: DateParts;
  postcode: string;
}

/** Name, date of birth and postcode: of the person asking for help themselves, or of the person a professional refers. */
export function AboutPerson<T extends PersonAnswers>({ answers, set, errors, issues, whose }: StepProps<T> & { whose: 'your' | 'their' }) {
  const set2 = set as (change: Partial<PersonAnswers>) => void;
  const own = whose === 'your';
  return (
    <>
      <TextInput
        id="given_name"
        label={own ? 'First name' : 'Their first name'}
        autoComplete={own ? 'given-name' : 'off'}
        spellCheck={false}
        error={errors.given_name}
        value={answers.given_name}
        onValue={(given_name) => set2({ given_name })}
      />
      <TextInput
        id="family_name"
        label={own ? 'Last name' : 'Their last name'}
        autoComplete={own ? 'family-name' : 'off'}
        spellCheck={false}
        error={errors.family_name}
        value={answers.family_name}
        onValue={(family_name) => set2({ family_name })}
      />
      <DateInput
        id="date_of_birth"
        legend={own ? 'What is your date of birth?' : 'What is their date of birth?'}
        hint="For example, 27 3 1958"
        autoCompletePrefix={own ? 'bday' : undefined}
        error={errors.date_of_birth}
        errorParts={dateParts(issues, 'date_of_birth')}
        value={answers.date_of_birth}
        onValue={(date_of_birth) => set2({ date_of_birth })}
      />
      <TextInput
        id="postcode"
        label={own ? 'Your postcode' : 'Their home postcode'}
        hint={own ? 'Where you live, for example NR1 3JU' : undefined}
        autoComplete={own ? 'postal-code' : 'off'}
        widthClass="govuk-input--width-10"
        spellCheck={false}
        error={errors.postcode}
        value={answers.postcode}
        onValue={(postcode) => set2({ postcode })}
      />
    </>
  );
}
