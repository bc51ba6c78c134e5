import { z } from 'zod';
import {
  aboutYouFields,
  contactStep,
  datePartsSchema,
  practiceStep,
  professionalReasonStep,
  referrerStep,
  professionalReasonFields,
  type SubmissionInput,
} from '../../lib/referrals/schema.ts';
import { professionalConsent } from './consent-wording.ts';
import type { Issue } from './field-errors.ts';
import type { ProfessionalAnswers } from './professional-answers.ts';
import type { SubmissionMeta } from './send.ts';
import { issuesFor, optionalIsoDate, yesNo } from './step-issues.ts';
import { stepOf } from './steps.ts';

const personStep = z.object({ ...aboutYouFields, date_of_birth: datePartsSchema('person') });
const sourceStep = z.object({ source: professionalReasonFields.source });
const consentStep = z.object({ person_consented: professionalReasonFields.person_consented });

/** The reason page, checked with the whole reason schema so the ward rule (hospital wards name the ward) applies. */
const reasonAnswers = (answers: ProfessionalAnswers) => ({
  source: answers.source,
  person_consented: answers.person_consented,
  reason: answers.reason,
  discharge_needs: answers.discharge_needs,
  ward: answers.ward,
  expected_discharge_date: optionalIsoDate(answers.expected_discharge_date),
});

/** Checks one page of a professional's referral with the shared referral schema. */
export function validateProfessionalStep(slug: string, answers: ProfessionalAnswers): Issue[] {
  const fields = stepOf('professional', slug).fields;
  switch (slug) {
    case 'your-details':
      return [...issuesFor(referrerStep, answers, fields), ...issuesFor(sourceStep, answers, fields)];
    case 'consent':
      return issuesFor(consentStep, answers, fields);
    case 'about-the-person':
      return issuesFor(personStep, answers, fields);
    case 'how-to-contact-them':
      return issuesFor(contactStep, { ...answers, may_leave_message: yesNo(answers.may_leave_message) }, fields);
    case 'their-gp-practice':
      return issuesFor(practiceStep, answers, fields);
    case 'reason':
      return issuesFor(professionalReasonStep, reasonAnswers(answers), fields);
    default:
      return [];
  }
}

export function professionalSubmission(answers: ProfessionalAnswers, meta: SubmissionMeta): SubmissionInput {
  const born = datePartsSchema('person').safeParse(answers.date_of_birth);
  const methods = answers.contact_methods as ('phone' | 'email' | 'text')[];
  const hospital = answers.source === 'hospital_ward' || answers.source === 'emergency_department';
  const reason = reasonAnswers(answers);
  return {
    source: answers.source as z.infer<typeof professionalReasonFields.source>,
    given_name: answers.given_name,
    family_name: answers.family_name,
    date_of_birth: born.success ? born.data : '',
    postcode: answers.postcode,
    pcn_code: answers.pcn_code || null,
    gp_practice_code: answers.gp_practice_code,
    contact_methods: methods,
    phone: methods.includes('phone') || methods.includes('text') ? answers.phone : null,
    email: methods.includes('email') ? answers.email : null,
    safe_times: answers.safe_times,
    may_leave_message: answers.may_leave_message === 'yes',
    consent_version: professionalConsent.version,
    referrer_name: answers.referrer_name,
    referrer_role: answers.referrer_role,
    referrer_organisation: answers.referrer_organisation,
    referrer_phone: answers.referrer_phone,
    referrer_email: answers.referrer_email,
    person_consented: answers.person_consented as true,
    reason: reason.reason,
    discharge_needs: reason.discharge_needs as z.infer<typeof professionalReasonFields.discharge_needs>,
    ward: hospital ? reason.ward : null,
    expected_discharge_date: hospital ? reason.expected_discharge_date : null,
    ...meta,
  };
}
