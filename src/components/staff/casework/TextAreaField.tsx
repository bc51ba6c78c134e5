import type { TextareaHTMLAttributes } from 'react';
import { describedBy, FieldFrame } from '../FieldFrame.tsx';

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange'> {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
}

/** A GOV.UK textarea in the workspace's look: label, hint and inline error tied to the field. */
export function TextAreaField({ id, label, hint, error, value, onChange, ...rest }: Props) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        {...rest}
        id={id}
        name={id}
        className={`input casework-textarea${error ? ' input-error' : ''}`}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldFrame>
  );
}
