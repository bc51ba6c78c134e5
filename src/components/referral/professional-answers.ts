import type { DateParts } from '../govuk/DateInput.tsx';

import type { DischargeNeed, ProfessionalSource } from '../../lib/referrals/schema.ts';

/** The schema's sources, in words a referrer recognises. */
export const referrerSources: { value: ProfessionalSource; label: string }[] = [
  { value: 'gp_practice', label: 'GP practice' },
  { value: 'hospital_ward', label: 'Hospital ward or discharge team' },
  { value: 'emergency_department', label: 'Emergency department' },
  { value: 'paramedic', label: 'Paramedic or ambulance service' },
  { value: 'social_worker', label: 'Social worker' },
  { value: 'other', label: 'Somewhere else' },
];

export const dischargeNeedLabels: { value: DischargeNeed; label: string }[] = [
  { value: 'cluttered_or_unsafe_home', label: 'Their home is cluttered or unsafe' },
  { value: 'minor_repairs_or_adaptations', label: 'Minor repairs or adaptations, such as grab rails' },
  { value: 'furniture_removal', label: 'Furniture needs moving or removing' },
  { value: 'homelessness', label: 'They are homeless or about to be' },
  { value: 'no_one_at_home', label: 'There is no one at home to support them' },
];

/** A professional's referral as typed so far: in memory only. */
export interface ProfessionalAnswers {
  referrer_name: string;
  referrer_role: string;
  referrer_organisation: string;
  referrer_phone: string;
  referrer_email: string;
  source: string;
  person_consented: boolean;
  given_name: string;
  family_name: string;
  date_of_birth: DateParts;
  postcode: string;
  contact_methods: string[];
  phone: string;
  email: string;
  safe_times: string;
  may_leave_message: string;
  pcn_code: string;
  gp_practice_code: string;
  reason: string;
  discharge_needs: string[];
  ward: string;
  expected_discharge_date: DateParts;
}

export const emptyProfessionalAnswers = (): ProfessionalAnswers => ({
  referrer_name: '',
  referrer_role: '',
  referrer_organisation: '',
  referrer_phone: '',
  referrer_email: '',
  source: '',
  person_consented: false,
  given_name: '',
  family_name: '',
  date_of_birth: { day: '', month: '', year: '' },
  postcode: '',
  contact_methods: [],
  phone: '',
  email: '',
  safe_times: '',
  may_leave_message: '',
  pcn_code: '',
  gp_practice_code: '',
  reason: '',
  discharge_needs: [],
  ward: '',
  expected_discharge_date: { day: '', month: '', year: '' },
});

/** Ward and discharge date are asked only of hospital referrers. */
export const fromHospital = (source: string) => source === 'hospital_ward' || source === 'emergency_department';
