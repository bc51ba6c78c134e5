import type { FieldErrors, Issue } from './field-errors.ts';

export interface StepProps<T> {
  answers: T;
  set: (change: Partial<T>) => void;
  errors: FieldErrors;
  issues: readonly Issue[];
}
