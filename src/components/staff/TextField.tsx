import type { InputHTMLAttributes } from 'react';
import { describedBy, FieldFrame } from './FieldFrame.tsx';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
}

/** A GOV.UK text input: label, hint and inline error tied to the input for screen readers. */
export function TextField({ id, label, hint, error, value, onChange, className, ...input }: Props) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        {...input}
        id={id}
        name={id}
        className={`input${className ? ` ${className}` : ''}${error ? ' input-error' : ''}`}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldFrame>
  );
}
