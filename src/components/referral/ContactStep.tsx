import { Choices } from '../govuk/Choices.tsx';
import { TextInput } from '../govuk/TextInput.tsx';
import type { StepProps } from './StepProps.ts';

/** Where the phone number is asked: under "Phone call" when chosen, otherwise under "Text message". */
export function phoneFieldOwner(methods: readonly string[]): 'phone' | 'text' | null {
  if (methods.includes('phone')) return 'phone';
  if (methods.includes('text')) return 'text';
  return null;
}

interface ContactAnswers {
  contact_methods: string[];
  phone: string;
  email: string;
  safe_times: string;
  may_leave_message: string;
}

/** How the team should get in touch: with the person who asks for help, or (from a professional) with the person referred. */
export function ContactStep<T extends ContactAnswers>({ answers, set: setAny, errors, whose }: StepProps<T> & { whose: 'your' | 'their' }) {
  const set = setAny as (change: Partial<ContactAnswers>) => void;
  const own = whose === 'your';
  const owner = phoneFieldOwner(answers.contact_methods);
  const phoneInput = (
    <TextInput
      id="phone"
      label="Phone number"
      hint={answers.contact_methods.includes('text') ? 'A mobile number, for texts' : undefined}
      type="tel"
      autoComplete={own ? 'tel' : 'off'}
      widthClass="govuk-input--width-20"
      error={errors.phone}
      value={answers.phone}
      onValue={(phone) => set({ phone })}
    />
  );
  return (
    <>
      <h1 className="govuk-heading-l">{own ? 'How to contact you' : 'How to contact them'}</h1>
      <Choices
        kind="checkboxes"
        id="contact_methods"
        legend={own ? 'How would you like us to contact you?' : 'How should the team contact them?'}
        hint="Choose all that apply."
        error={errors.contact_methods}
        choices={[
          { value: 'phone', label: 'Phone call', conditional: owner === 'phone' ? phoneInput : undefined },
          {
            value: 'text',
            label: 'Text message',
            conditional:
              owner === 'text' ? phoneInput : owner === 'phone' ? <p className="govuk-body">We will text the number above.</p> : undefined,
          },
          {
            value: 'email',
            label: 'Email',
            conditional: (
              <TextInput
                id="email"
                label="Email address"
                type="email"
                autoComplete={own ? 'email' : 'off'}
                spellCheck={false}
                error={errors.email}
                value={answers.email}
                onValue={(email) => set({ email })}
              />
            ),
          },
        ]}
        value={answers.contact_methods}
        onValue={(contact_methods) => set({ contact_methods })}
      />
      <TextInput
        id="safe_times"
        label={
          own ? 'When is it safe and convenient to contact you? (optional)' : 'When is it safe and convenient to contact them? (optional)'
        }
        hint="For example, weekday mornings, or not after 5pm"
        error={errors.safe_times}
        value={answers.safe_times}
        onValue={(safe_times) => set({ safe_times })}
      />
      <Choices
        kind="radios"
        id="may_leave_message"
        legend={own ? 'If you do not answer, may we leave a message?' : 'If they do not answer, may the team leave a message?'}
        hint="A message would say only that Signpost’s link worker called, and how to call back."
        inline
        error={errors.may_leave_message}
        choices={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        value={answers.may_leave_message}
        onValue={(may_leave_message) => set({ may_leave_message })}
      />
    </>
  );
}
