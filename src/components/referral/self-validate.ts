import { z } from 'zod';
import {
  aboutYouStep,
  accessStep,
  consentStep,
  contactStep,
  datePartsSchema,
  helpStep,
  practiceStep,
  type SubmissionInput,
} from '../../lib/referrals/schema.ts';
import type { JourneyData } from '../../lib/referral-pages/journey-data.ts';
import { selfConsent } from './consent-wording.ts';
import type { Issue } from './field-errors.ts';
import type { SelfAnswers } from './self-answers.ts';
import type { SubmissionMeta } from './send.ts';
import { issuesFor, yesNo } from './step-issues.ts';
import { stepOf } from './steps.ts';

/** Whether an interpreter is needed is asked on the page only; the referral carries just the language. */
const interpreterQuestion = z
  .object({ interpreter: z.enum(['yes', 'no'], 'Select yes if you need an interpreter'), interpreter_language: z.string() })
  .refine((v) => v.interpreter === 'no' || v.interpreter_language.trim() !== '', {
    path: ['interpreter_language'],
    message: 'Enter the language you need an interpreter for',
  });

/** The practice must be one of a covered area that takes self-referrals online. */
function practiceIssues(answers: SelfAnswers, data: JourneyData): Issue[] {
  const practice = data.practices.find((p) => p.code === answers.gp_practice_code);
  const area = data.areas.find((a) => a.code === practice?.pcnCode);
  if (!practice || !area || area.selfReferralOpen) return [];
  return [
    {
      path: ['gp_practice_code'],
      message: `${practice.name} is in ${area.name}, where you cannot refer yourself online yet. Ask the practice to refer you${area.phone ? `, or phone the team on ${area.phone}` : ''}`,
    },
  ];
}

/** Checks one page's answers with the shared referral schema (src/lib/referrals/schema.ts). */
export function validateSelfStep(slug: string, answers: SelfAnswers, data: JourneyData): Issue[] {
  const fields = [...stepOf('self', slug).fields, 'interpreter'];
  switch (slug) {
    case 'about-you':
      return issuesFor(aboutYouStep, answers, fields);
    case 'your-gp-practice': {
      const found = issuesFor(practiceStep, answers, fields);
      return found.length ? found : practiceIssues(answers, data);
    }
    case 'what-would-help':
      return issuesFor(helpStep, answers, fields);
    case 'how-to-contact-you':
      return issuesFor(contactStep, { ...answers, may_leave_message: yesNo(answers.may_leave_message) }, fields);
    case 'support-you-need':
      return [...issuesFor(interpreterQuestion, answers, fields), ...issuesFor(accessStep, accessAnswers(answers), fields)];
    case 'consent':
      return issuesFor(consentStep, { consent_given: answers.consent_given, consent_version: selfConsent.version }, fields);
    default:
      return [];
  }
}

const accessAnswers = (answers: SelfAnswers) => ({
  access_needs: answers.access_needs,
  interpreter_language: answers.interpreter === 'yes' ? answers.interpreter_language : '',
});

/** The answers as the submission schema takes them (it checks them all again before sending). */
export function selfSubmission(answers: SelfAnswers, meta: SubmissionMeta): SubmissionInput {
  const born = datePartsSchema('you').safeParse(answers.date_of_birth);
  const methods = answers.contact_methods as ('phone' | 'email' | 'text')[];
  const byPhone = methods.includes('phone') || methods.includes('text');
  return {
    source: 'self',
    given_name: answers.given_name,
    family_name: answers.family_name,
    date_of_birth: born.success ? born.data : '',
    postcode: answers.postcode,
    pcn_code: answers.pcn_code || null,
    gp_practice_code: answers.gp_practice_code,
    needs: answers.needs,
    what_matters: answers.what_matters,
    contact_methods: methods,
    phone: byPhone ? answers.phone : null,
    email: methods.includes('email') ? answers.email : null,
    safe_times: answers.safe_times,
    may_leave_message: answers.may_leave_message === 'yes',
    ...accessAnswers(answers),
    consent_given: answers.consent_given as true,
    consent_version: selfConsent.version,
    ...meta,
  };
}
