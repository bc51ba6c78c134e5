import { describedBy } from './ErrorMessage.tsx';
import { fieldIds, FormGroup } from './FormGroup.tsx';

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  rows?: number;
  value: string;
  onValue: (value: string) => void;
}

export function Textarea({ id, label, hint, error, rows = 4, value, onValue }: Props) {
  const { hintId, errorId } = fieldIds(id, hint, error);
  return (
    <FormGroup id={id} label={label} labelSize="s" hint={hint} error={error}>
      <textarea
        id={id}
        name={id}
        rows={rows}
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-describedby={describedBy(hintId, errorId)}
      />
    </FormGroup>
  );
}
