import { z } from 'zod';
import { normalisePostcode } from '../geocoding/postcode.ts';
import { timestamp, typedText } from '../schemas/common.ts';

/**
 * THE referral schemas, shared by the journey's forms, the browser client and the tests. The
 * database checks everything again (constraints and `public.submit_referral`, migration
 * 20261203000100_referrals.sql), with the same limits and the same messages.
 *
 * Field names are the database's (snake_case) so an answer keeps one name from the form to the
 * row. Error messages follow the GOV.UK patterns: they say what to do, naming the thing.
 */

/** The most characters (or items) each answer may have; the database has the same numbers. */
export const limits = {
  given_name: 100,
  family_name: 100,
  postcode: 8,
  needs: 20,
  what_matters: 1000,
  phone: 30,
  email: 254,
  safe_times: 200,
  access_needs: 500,
  interpreter_language: 60,
  consent_version: 40,
  referrer_name: 100,
  referrer_role: 100,
  referrer_organisation: 200,
  referrer_phone: 30,
  referrer_email: 254,
  reason: 2000,
  ward: 100,
  message: 2000,
  withdraw_reason: 500,
} as const;

/** Who can refer themselves: 18 or over. Checked on the date of birth, here and in the database. */
export const minimumAge = 18;

export const referralSources = [
  'self',
  'gp_practice',
  'hospital_ward',
  'emergency_department',
  'paramedic',
  'social_worker',
  'other',
] as const;
export const professionalSources = ['gp_practice', 'hospital_ward', 'emergency_department', 'paramedic', 'social_worker', 'other'] as const;
export type ReferralSource = (typeof referralSources)[number];
export type ProfessionalSource = (typeof professionalSources)[number];
/** Sources that go to a hospital discharge team serving the practice's PCN where there is one. */
export const hospitalSources = ['hospital_ward', 'emergency_department'] as const satisfies readonly ProfessionalSource[];

export const contactMethods = ['phone', 'email', 'text'] as const;
export type ContactMethod = (typeof contactMethods)[number];

export const dischargeNeeds = [
  'cluttered_or_unsafe_home',
  'minor_repairs_or_adaptations',
  'furniture_removal',
  'homelessness',
  'no_one_at_home',
] as const;
export type DischargeNeed = (typeof dischargeNeeds)[number];

export const referralStatuses = ['new', 'triaged', 'contacted', 'active', 'closed', 'declined', 'withdrawn'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];
/** Statuses after which nothing more happens: the referral cannot be withdrawn. */
export const finishedStatuses = ['closed', 'declined', 'withdrawn'] as const satisfies readonly ReferralStatus[];

/** The reference a person quotes: `SP-7KQ4-M2`, from letters and digits that cannot be confused (no 0, O, 1, I, L). */
export const referenceAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const referenceSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^SP-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/, 'Enter a reference like SP-7KQ4-M2');

// ── Building blocks ─────────────────────────────────────────────────────────────────────

/**
 * Required text: trimmed, with a message for "empty" and one for "too long". Control characters
 * are dropped first (typedText), rather than costing the person their answers.
 */
function requiredText(max: number, missing: string, label: string) {
  return typedText({ error: missing }).trim().min(1, missing).max(max, `${label} must be ${max} characters or fewer`);
}

/** Optional text: trimmed; an empty answer becomes null. */
function optionalText(max: number, label: string) {
  return typedText({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .nullish()
    .transform((value) => (value == null || value === '' ? null : value));
}

export const postcodeSchema = z.string({ error: 'Enter your postcode' }).transform((value, ctx) => {
  const result = normalisePostcode(value);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.error.message });
    return z.NEVER;
  }
  return result.value.postcode;
});

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** The latest date of birth of someone who is `years` old today (UTC), as YYYY-MM-DD. */
export function latestBirthDateFor(years: number, today = todayUtc()): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - years, m - 1, d));
  // 29 February in a year without one falls back to 28 February, as the database's interval does.
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/** Checks a real ISO date of birth: in the past, not before 1900, and 18 or over. */
function checkDateOfBirth(iso: string, ctx: z.RefinementCtx, who: 'you' | 'person') {
  if (iso >= todayUtc()) ctx.addIssue({ code: 'custom', message: 'Date of birth must be in the past' });
  else if (iso < '1900-01-01') ctx.addIssue({ code: 'custom', message: 'Date of birth must be after 1900' });
  else if (iso > latestBirthDateFor(minimumAge))
    ctx.addIssue({
      code: 'custom',
      message: who === 'you' ? 'You must be 18 or over to refer yourself' : 'The person must be 18 or over to be referred',
    });
}

/** A date of birth already in ISO form (what the submission carries). */
export const dateOfBirthSchema = z
  .string({ error: 'Enter your date of birth' })
  .min(1, 'Enter your date of birth')
  .pipe(z.iso.date('Date of birth must be a real date'))
  .superRefine((iso, ctx) => checkDateOfBirth(iso, ctx, 'you'));

const partsSchema = z.object({
  day: z.string().trim().default(''),
  month: z.string().trim().default(''),
  year: z.string().trim().default(''),
});
export type DateParts = z.input<typeof partsSchema>;

/**
 * A GOV.UK date input (day, month and year boxes) → YYYY-MM-DD, with the pattern's messages:
 * "Enter your date of birth", "Date of birth must include a month", "Date of birth must be a real date".
 * The issue's path names the part to highlight (`day`, `month` or `year`) when only one is wrong.
 */
export function datePartsSchema(who: 'you' | 'person' = 'you') {
  return partsSchema.transform((parts, ctx) => {
    const missing = (['day', 'month', 'year'] as const).filter((p) => parts[p] === '');
    if (missing.length === 3) {
      ctx.addIssue({ code: 'custom', message: who === 'you' ? 'Enter your date of birth' : 'Enter their date of birth' });
      return z.NEVER;
    }
    if (missing.length > 0) {
      ctx.addIssue({ code: 'custom', path: [missing[0]!], message: `Date of birth must include a ${missing.join(' and ')}` });
      return z.NEVER;
    }
    const [day, month, year] = [parts.day, parts.month, parts.year];
    if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
      const bad = !/^\d{1,2}$/.test(day) ? 'day' : !/^\d{1,2}$/.test(month) ? 'month' : 'year';
      ctx.addIssue({
        code: 'custom',
        path: [bad],
        message: bad === 'year' ? 'Year must include 4 numbers' : 'Date of birth must be a real date',
      });
      return z.NEVER;
    }
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    const date = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
      ctx.addIssue({ code: 'custom', message: 'Date of birth must be a real date' });
      return z.NEVER;
    }
    checkDateOfBirth(iso, ctx, who);
    return iso;
  });
}

/** A UK telephone number as people write it: digits, spaces, brackets, dashes, an optional +44. */
const phoneSchema = (label: string, max: number) =>
  optionalText(max, label).refine(
    (value) => value == null || (/^\+?[0-9 ()-]+$/.test(value) && value.replace(/\D/g, '').length >= 10),
    `Enter a ${label.toLowerCase()}, like 01632 960 001 or 07700 900 982`,
  );
const emailSchema = (label: string, max: number) =>
  optionalText(max, label).refine(
    (value) => value == null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value),
    `Enter an email address in the correct format, like name@example.com`,
  );

const needSlug = z
  .string()
  .max(60, 'Select what you would like help with from the list')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Select what you would like help with from the list');

// ── The journey's steps (one thing per page; each page validates its own step) ─────────

export const aboutYouFields = {
  given_name: requiredText(limits.given_name, 'Enter your first name', 'First name'),
  family_name: requiredText(limits.family_name, 'Enter your last name', 'Last name'),
  postcode: postcodeSchema,
};
/** About you, as the page collects it: the date of birth as three boxes. */
export const aboutYouStep = z.object({ ...aboutYouFields, date_of_birth: datePartsSchema('you') });

export const practiceFields = {
  pcn_code: optionalText(8, 'PCN code'),
  gp_practice_code: z
    .string({ error: 'Select your GP practice' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][0-9]{5}$/, 'Select your GP practice'),
};
export const practiceStep = z.object(practiceFields);

export const helpFields = {
  needs: z
    .array(needSlug, { error: 'Select what you would like help with' })
    .min(1, 'Select what you would like help with')
    .max(limits.needs, `Select ${limits.needs} or fewer things`),
  what_matters: requiredText(limits.what_matters, 'Tell us what matters to you', 'What matters to you'),
};
export const helpStep = z.object(helpFields);

export const contactFields = {
  contact_methods: z
    .array(z.enum(contactMethods, 'Select how we should contact you'), { error: 'Select how we should contact you' })
    .min(1, 'Select how we should contact you')
    .max(contactMethods.length),
  phone: phoneSchema('Phone number', limits.phone),
  email: emailSchema('Email address', limits.email),
  safe_times: optionalText(limits.safe_times, 'Safe times to contact you'),
  may_leave_message: z.boolean({ error: 'Select whether we may leave a message' }),
};
type ContactAnswers = { contact_methods: ContactMethod[]; phone: string | null; email: string | null };
function checkContact(value: ContactAnswers, ctx: z.RefinementCtx) {
  const methods = new Set(value.contact_methods);
  if ((methods.has('phone') || methods.has('text')) && value.phone == null)
    ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Enter a phone number so we can call or text you' });
  if (methods.has('email') && value.email == null)
    ctx.addIssue({ code: 'custom', path: ['email'], message: 'Enter an email address so we can email you' });
}
export const contactStep = z.object(contactFields).superRefine(checkContact);

export const accessFields = {
  access_needs: optionalText(limits.access_needs, 'Accessibility needs'),
  interpreter_language: optionalText(limits.interpreter_language, 'Interpreter language'),
};
export const accessStep = z.object(accessFields);

export const consentFields = {
  consent_given: z.literal(true, 'Select that you agree to us storing and sharing your answers to help you'),
  consent_version: requiredText(limits.consent_version, 'The consent wording version is missing', 'Consent version'),
};
export const consentStep = z.object(consentFields);

// ── A professional's referral (GP practice, hospital, paramedic, social worker) ─────────

export const referrerFields = {
  referrer_name: requiredText(limits.referrer_name, 'Enter your name', 'Your name'),
  referrer_role: requiredText(limits.referrer_role, 'Enter your role, for example ward nurse or social worker', 'Your role'),
  referrer_organisation: requiredText(
    limits.referrer_organisation,
    'Enter your organisation, for example the hospital or practice',
    'Your organisation',
  ),
  referrer_phone: phoneSchema('Phone number', limits.referrer_phone),
  referrer_email: emailSchema('Email address', limits.referrer_email),
};
function checkReferrerContact(value: { referrer_phone: string | null; referrer_email: string | null }, ctx: z.RefinementCtx) {
  if (value.referrer_phone == null && value.referrer_email == null)
    ctx.addIssue({ code: 'custom', path: ['referrer_phone'], message: 'Enter a phone number or email address so the team can reach you' });
}
export const referrerStep = z.object(referrerFields).superRefine(checkReferrerContact);

export const professionalReasonFields = {
  source: z.enum(professionalSources, 'Select where you are referring from'),
  person_consented: z.literal(true, 'Confirm that the person agreed to this referral'),
  reason: requiredText(limits.reason, 'Enter the reason for the referral', 'Reason for the referral'),
  discharge_needs: z.array(z.enum(dischargeNeeds, 'Select discharge support needs from the list')).max(dischargeNeeds.length).default([]),
  ward: optionalText(limits.ward, 'Ward'),
  expected_discharge_date: z.iso
    .date('Expected discharge date must be a real date')
    .nullish()
    .transform((value) => value ?? null),
};
function checkWard(value: { source: ProfessionalSource; ward: string | null }, ctx: z.RefinementCtx) {
  if (value.source === 'hospital_ward' && value.ward == null)
    ctx.addIssue({ code: 'custom', path: ['ward'], message: 'Enter the ward the person is on' });
}
export const professionalReasonStep = z.object(professionalReasonFields).superRefine(checkWard);

// ── The submission: what the browser sends to public.submit_referral ────────────────────

/** Added to every submission: the retry key, when the form was opened, and the honeypot. */
export const submissionGuardFields = {
  /** Made once per journey by the browser (crypto.randomUUID()); retries send the same one. */
  idempotency_key: z.uuid('The form lost its key: reload the page'),
  /** When the person opened the form (ISO time), for the minimum fill time. */
  form_started_at: z.iso.datetime({ offset: true, error: 'The form lost its start time: reload the page' }),
  /** The honeypot: a field people never see, so it stays empty. */
  website: z.string().max(0, 'Leave this field empty').default(''),
};

export const selfSubmissionSchema = z
  .object({
    source: z.literal('self'),
    ...aboutYouFields,
    date_of_birth: dateOfBirthSchema,
    ...practiceFields,
    ...helpFields,
    ...contactFields,
    ...accessFields,
    ...consentFields,
    ...submissionGuardFields,
  })
  .superRefine(checkContact);

export const professionalSubmissionSchema = z
  .object({
    ...aboutYouFields,
    // The person's date of birth; the message names them rather than "you".
    date_of_birth: z
      .string({ error: 'Enter their date of birth' })
      .min(1, 'Enter their date of birth')
      .pipe(z.iso.date('Date of birth must be a real date'))
      .superRefine((iso, ctx) => checkDateOfBirth(iso, ctx, 'person')),
    ...practiceFields,
    needs: z.array(needSlug).max(limits.needs, `Select ${limits.needs} or fewer things`).default([]),
    what_matters: optionalText(limits.what_matters, 'What matters to them'),
    ...contactFields,
    ...accessFields,
    consent_version: consentFields.consent_version,
    ...referrerFields,
    ...professionalReasonFields,
    ...submissionGuardFields,
  })
  .superRefine((value, ctx) => {
    checkContact(value, ctx);
    checkReferrerContact(value, ctx);
    checkWard(value, ctx);
  });

export const submissionSchema = z.discriminatedUnion('source', [selfSubmissionSchema, professionalSubmissionSchema]);
export type SelfSubmission = z.infer<typeof selfSubmissionSchema>;
export type ProfessionalSubmission = z.infer<typeof professionalSubmissionSchema>;
export type Submission = z.infer<typeof submissionSchema>;
export type SubmissionInput = z.input<typeof submissionSchema>;

export const submitResultSchema = z.object({ reference: referenceSchema, replayed: z.boolean() });
export type SubmitResult = z.infer<typeof submitResultSchema>;

// ── What a person reads back (their own referral, its history, its messages) ────────────

/** The columns of public.referrals a person's page reads (their own row; RLS decides). */
export const myReferralColumns =
  'id, reference, source, status, status_changed_at, created_at, given_name, needs, contact_methods, gp_practice_id, team_id, decline_reason';
export const myReferralSchema = z.object({
  id: z.uuid(),
  reference: referenceSchema,
  source: z.enum(referralSources),
  status: z.enum(referralStatuses),
  status_changed_at: timestamp,
  created_at: timestamp,
  given_name: z.string(),
  needs: z.array(z.string()),
  contact_methods: z.array(z.enum(contactMethods)),
  gp_practice_id: z.uuid(),
  team_id: z.uuid(),
  /** The team's reason, in plain words for the person, when it declined the referral. */
  decline_reason: z.string().nullable(),
});
export type MyReferral = z.infer<typeof myReferralSchema>;

export const referralEventColumns = 'id, referral_id, kind, from_status, to_status, actor, at';
export const referralEventSchema = z.object({
  id: z.number().int(),
  referral_id: z.uuid(),
  // Every kind the timeline holds (20261203004500_referral_timeline.sql); the person is shown only
  // those marked person_visible.
  kind: z.enum([
    'submitted',
    'status_changed',
    'assigned',
    'routed',
    'declined',
    'contact_made',
    'case_note_added',
    'plan_changed',
    'wellbeing_recorded',
    'spend_recorded',
  ]),
  from_status: z.enum(referralStatuses).nullable(),
  to_status: z.enum(referralStatuses),
  actor: z.enum(['owner', 'staff', 'system']),
  at: timestamp,
});
export type ReferralEvent = z.infer<typeof referralEventSchema>;

export const referralMessageColumns = 'id, referral_id, author_kind, author_id, author_name, body, created_at';
export const referralMessageSchema = z.object({
  id: z.number().int(),
  referral_id: z.uuid(),
  author_kind: z.enum(['person', 'staff']),
  author_id: z.uuid().nullable(),
  author_name: z.string().nullable(),
  body: z.string(),
  created_at: timestamp,
});
export type ReferralMessage = z.infer<typeof referralMessageSchema>;

/** A message the person writes on their page. */
export const messageBodySchema = requiredText(limits.message, 'Enter a message', 'Your message');

export const withdrawSchema = z.object({
  referral_id: z.uuid(),
  reason: optionalText(limits.withdraw_reason, 'Reason'),
});
