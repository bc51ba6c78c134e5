import { useRef, useState } from 'react';
import { ReferralError } from '../../../lib/referrals/errors.ts';
import type { FieldError } from '../../govuk/ErrorSummary.tsx';

/**
 * Saving one form of the record: checks the session first (when it has ended, the sign-in opens
 * over the page and what was typed stays), runs the change once at a time, and turns a refusal
 * into the error summary's entry for the field it is about (`fields` maps the database's field
 * names to the form's input ids).
 */
export function useSave(ensureSession: () => Promise<boolean>, fields: Record<string, string>, fallbackField: string) {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);

  async function save(action: () => Promise<unknown>): Promise<boolean> {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    try {
      if (!(await ensureSession())) return false;
      await action();
      setErrors([]);
      return true;
    } catch (error) {
      const field = error instanceof ReferralError && error.field ? (fields[error.field] ?? fallbackField) : fallbackField;
      setErrors([{ href: `#${field}`, text: (error as Error).message }]);
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }
  const errorFor = (id: string) => errors.find((e) => e.href === `#${id}`)?.text;
  return { errors, setErrors, busy, save, errorFor };
}
