import { useEffect, useState } from 'react';
import { describedBy } from './ErrorMessage.tsx';
import { fieldIds, FormGroup } from './FormGroup.tsx';

interface Props {
  id: string;
  label: string;
  isPageHeading?: boolean;
  hint?: string;
  error?: string | undefined;
  maxLength: number;
  rows?: number;
  value: string;
  onValue: (value: string) => void;
}

const remaining = (left: number) =>
  left >= 0
    ? `You have ${left} ${left === 1 ? 'character' : 'characters'} remaining`
    : `You have ${-left} ${left === -1 ? 'character' : 'characters'} too many`;

/**
 * GOV.UK character count: the visible count follows every key press; screen readers hear it
 * through a separate live region only once typing pauses, as govuk-frontend's script does.
 */
export function CharacterCount({ id, label, isPageHeading, hint, error, maxLength, rows = 5, value, onValue }: Props) {
  const left = maxLength - value.length;
  const [announced, setAnnounced] = useState(remaining(left));
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(remaining(left)), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  const { hintId, errorId } = fieldIds(id, hint, error);
  return (
    <div className="govuk-character-count">
      <FormGroup id={id} label={label} labelSize="m" isPageHeading={isPageHeading} hint={hint} error={error}>
        <textarea
          id={id}
          name={id}
          rows={rows}
          className={`govuk-textarea govuk-js-character-count${error || left < 0 ? ' govuk-textarea--error' : ''}`}
          value={value}
          onChange={(e) => onValue(e.target.value)}
          aria-describedby={describedBy(hintId, `${id}-info`, errorId)}
        />
      </FormGroup>
      <div id={`${id}-info`} className="govuk-visually-hidden">
        You can enter up to {maxLength} characters
      </div>
      <div className={`govuk-character-count__message ${left < 0 ? 'govuk-error-message' : 'govuk-hint'}`} aria-hidden="true">
        {remaining(left)}
      </div>
      <div className="govuk-character-count__sr-status govuk-visually-hidden" aria-live="polite">
        {announced}
      </div>
    </div>
  );
}
