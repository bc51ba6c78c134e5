import type { DateParts } from '../govuk/DateInput.tsx';

/** What a person has typed so far, exactly as typed: kept in memory only, never in browser storage. */
export interface SelfAnswers {
  given_name: string;
  family_name: string;
  date_of_birth: DateParts;
  postcode: string;
  pcn_code: string;
  gp_practice_code: string;
  needs: string[];
  what_matters: string;
  contact_methods: string[];
  phone: string;
  email: string;
  safe_times: string;
  may_leave_message: string;
  access_needs: string;
  interpreter: string;
  interpreter_language: string;
  consent_given: boolean;
}

export const emptySelfAnswers = (pcn: string): SelfAnswers => ({
  given_name: '',
  family_name: '',
  date_of_birth: { day: '', month: '', year: '' },
  postcode: '',
  pcn_code: pcn,
  gp_practice_code: '',
  needs: [],
  what_matters: '',
  contact_methods: [],
  phone: '',
  email: '',
  safe_times: '',
  may_leave_message: '',
  access_needs: '',
  interpreter: '',
  interpreter_language: '',
  consent_given: false,
});

export type SetAnswers<T> = (change: Partial<T>) => void;
