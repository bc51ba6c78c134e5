import { Fragment, type ReactNode } from 'react';
import { describedBy, ErrorMessage } from './ErrorMessage.tsx';
import { Fieldset } from './Fieldset.tsx';

export interface Choice {
  value: string;
  label: string;
  hint?: string;
  /** Revealed under the choice while it is selected (GOV.UK conditional reveal). */
  conditional?: ReactNode;
}

interface Common {
  id: string;
  legend: ReactNode;
  isPageHeading?: boolean;
  size?: 'l' | 'm' | 's';
  hint?: string;
  error?: string | undefined;
  choices: Choice[];
  small?: boolean;
  inline?: boolean;
}

interface Single extends Common {
  kind: 'radios';
  value: string;
  onValue: (value: string) => void;
}

interface Multiple extends Common {
  kind: 'checkboxes';
  value: string[];
  onValue: (value: string[]) => void;
}

/** GOV.UK radios or checkboxes in a fieldset; the first choice carries the field's id for error links. */
export function Choices(props: Single | Multiple) {
  const { id, legend, isPageHeading, size, hint, error, choices, kind, small, inline } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const block = kind === 'radios' ? 'govuk-radios' : 'govuk-checkboxes';
  const isChecked = (value: string) => (props.kind === 'radios' ? props.value === value : props.value.includes(value));
  const toggle = (value: string, checked: boolean) => {
    if (props.kind === 'radios') props.onValue(value);
    else props.onValue(checked ? [...props.value, value] : props.value.filter((v) => v !== value));
  };
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <Fieldset
        legend={legend}
        isPageHeading={isPageHeading}
        size={size ?? (isPageHeading ? 'l' : 'm')}
        describedBy={describedBy(hintId, errorId)}
      >
        {hint && (
          <div id={hintId} className="govuk-hint">
            {hint}
          </div>
        )}
        <ErrorMessage id={`${id}-error`} text={error} />
        <div className={[block, small && `${block}--small`, inline && `${block}--inline`].filter(Boolean).join(' ')}>
          {choices.map((choice, index) => {
            const inputId = index === 0 ? id : `${id}-${index + 1}`;
            const checked = isChecked(choice.value);
            const conditionalId = `conditional-${inputId}`;
            return (
              <Fragment key={choice.value}>
                <div className={`${block}__item`}>
                  <input
                    className={`${block}__input`}
                    id={inputId}
                    name={id}
                    type={kind === 'radios' ? 'radio' : 'checkbox'}
                    value={choice.value}
                    checked={checked}
                    onChange={(e) => toggle(choice.value, e.target.checked)}
                    aria-describedby={choice.hint ? `${inputId}-item-hint` : undefined}
                    aria-controls={choice.conditional ? conditionalId : undefined}
                  />
                  <label className={`govuk-label ${block}__label`} htmlFor={inputId}>
                    {choice.label}
                  </label>
                  {choice.hint && (
                    <div id={`${inputId}-item-hint`} className={`govuk-hint ${block}__hint`}>
                      {choice.hint}
                    </div>
                  )}
                </div>
                {choice.conditional && (
                  <div className={`${block}__conditional${checked ? '' : ` ${block}__conditional--hidden`}`} id={conditionalId}>
                    {choice.conditional}
                  </div>
                )}
              </Fragment>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}
