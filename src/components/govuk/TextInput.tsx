import type { InputHTMLAttributes } from 'react';
import { describedBy } from './ErrorMessage.tsx';
import { fieldIds, FormGroup } from './FormGroup.tsx';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  id: string;
  label: string;
  /** Shows the label as the page's heading (one question on the page). */
  isPageHeading?: boolean;
  hint?: string;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
  widthClass?: string;
}

export function TextInput({ id, label, isPageHeading, hint, error, value, onValue, widthClass, className, ...rest }: Props) {
  const { hintId, errorId } = fieldIds(id, hint, error);
  return (
    <FormGroup id={id} label={label} isPageHeading={isPageHeading} hint={hint} error={error}>
      <input
        {...rest}
        id={id}
        name={rest.name ?? id}
        className={['govuk-input', widthClass, error && 'govuk-input--error', className].filter(Boolean).join(' ')}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-describedby={describedBy(hintId, errorId)}
      />
    </FormGroup>
  );
}
