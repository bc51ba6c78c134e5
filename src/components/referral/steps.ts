/**
 * The question pages of each referral journey, in order. Each step has its own address (so Back,
 * reload and the page title work), and knows which submitted fields it asks for, so an error the
 * server reports about a field leads the person back to the page where they can put it right.
 */
export type JourneyKind = 'self' | 'professional';

export interface Step {
  slug: string;
  /** The page title while this step shows. */
  title: string;
  /** Submission fields this step asks for (the server names them in its errors). */
  fields: string[];
}

export const checkSlug = 'check-your-answers';
export const doneSlug = 'referral-sent';

export const journeys: Record<JourneyKind, { base: string; steps: Step[] }> = {
  self: {
    base: '/refer/',
    steps: [
      { slug: 'about-you', title: 'About you', fields: ['given_name', 'family_name', 'date_of_birth', 'postcode'] },
      { slug: 'your-gp-practice', title: 'Your GP practice', fields: ['gp_practice_code', 'pcn_code'] },
      { slug: 'what-would-help', title: 'What you would like help with', fields: ['needs', 'what_matters'] },
      {
        slug: 'how-to-contact-you',
        title: 'How to contact you',
        fields: ['contact_methods', 'phone', 'email', 'safe_times', 'may_leave_message'],
      },
      { slug: 'support-you-need', title: 'Support you need to talk with us', fields: ['access_needs', 'interpreter_language'] },
      { slug: 'consent', title: 'Sharing your details', fields: ['consent_given', 'consent_version'] },
      { slug: checkSlug, title: 'Check your answers before sending', fields: [] },
      { slug: doneSlug, title: 'Referral sent', fields: [] },
    ],
  },
  professional: {
    base: '/refer/professional/',
    steps: [
      {
        slug: 'your-details',
        title: 'Your details',
        fields: ['referrer_name', 'referrer_role', 'referrer_organisation', 'referrer_phone', 'referrer_email', 'source'],
      },
      { slug: 'consent', title: 'The person’s consent', fields: ['person_consented'] },
      {
        slug: 'about-the-person',
        title: 'About the person',
        fields: ['given_name', 'family_name', 'date_of_birth', 'postcode'],
      },
      {
        slug: 'how-to-contact-them',
        title: 'How to contact them',
        fields: ['contact_methods', 'phone', 'email', 'safe_times', 'may_leave_message'],
      },
      { slug: 'their-gp-practice', title: 'Their GP practice', fields: ['gp_practice_code', 'pcn_code'] },
      { slug: 'reason', title: 'Why you are referring them', fields: ['reason', 'discharge_needs', 'ward', 'expected_discharge_date'] },
      { slug: checkSlug, title: 'Check the referral before sending', fields: [] },
      { slug: doneSlug, title: 'Referral sent', fields: [] },
    ],
  },
};

export function stepPath(kind: JourneyKind, slug: string): string {
  return `${journeys[kind].base}${slug}/`;
}

export function firstStepPath(kind: JourneyKind): string {
  return stepPath(kind, journeys[kind].steps[0]!.slug);
}

/** The step a path shows, or null when the path is not one of the journey's pages. */
export function stepFromPath(kind: JourneyKind, pathname: string): Step | null {
  const { base, steps } = journeys[kind];
  if (!pathname.startsWith(base)) return null;
  const slug = pathname.slice(base.length).replace(/\/+$/, '');
  return steps.find((s) => s.slug === slug) ?? null;
}

export function stepOf(kind: JourneyKind, slug: string): Step {
  const step = journeys[kind].steps.find((s) => s.slug === slug);
  if (!step) throw new Error(`No step "${slug}" in the ${kind} journey`);
  return step;
}

/**
 * Where Continue goes: the next question, or straight back to "check your answers" when the
 * person came from one of its Change links.
 */
export function nextStep(kind: JourneyKind, slug: string, cameFromCheck: boolean): Step {
  const { steps } = journeys[kind];
  if (cameFromCheck) return stepOf(kind, checkSlug);
  const index = steps.findIndex((s) => s.slug === slug);
  return steps[Math.min(index + 1, steps.length - 1)]!;
}

/** Where the back link goes: the question before, or the start page before the first question. */
export function previousPath(kind: JourneyKind, slug: string, cameFromCheck: boolean): string {
  const { base, steps } = journeys[kind];
  if (cameFromCheck) return stepPath(kind, checkSlug);
  const index = steps.findIndex((s) => s.slug === slug);
  return index <= 0 ? base : stepPath(kind, steps[index - 1]!.slug);
}

/** The question page that asks for a field, for errors only the server can find. */
export function stepOfField(kind: JourneyKind, field: string): Step | null {
  return journeys[kind].steps.find((s) => s.fields.includes(field)) ?? null;
}

/** The questions a person must have answered before a step may show (no skipping ahead by address). */
export function stepsBefore(kind: JourneyKind, slug: string): Step[] {
  const { steps } = journeys[kind];
  const index = steps.findIndex((s) => s.slug === slug);
  return index < 0 ? [] : steps.slice(0, index);
}
