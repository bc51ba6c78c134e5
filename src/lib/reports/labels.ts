import type { ReferralSource } from '../referrals/schema.ts';
import type { ReferralOutcome, WellbeingQuestion } from './schema.ts';

/** How the reports name each source, outcome and ONS4 question. */
export const sourceLabels: Record<ReferralSource, string> = {
  self: 'The person themself',
  gp_practice: 'GP practice',
  hospital_ward: 'Hospital ward',
  emergency_department: 'Emergency department',
  paramedic: 'Paramedic',
  social_worker: 'Social worker',
  other: 'Other professional',
};

export const outcomeLabels: Record<ReferralOutcome, string> = {
  connected_to_services: 'Connected to services',
  needs_met: 'Needs met',
  person_chose_to_stop: 'Person chose to stop',
  could_not_contact: 'Could not contact',
  moved_away_or_not_eligible: 'Moved away or not eligible',
  other: 'Other',
};

/** ONS4 personal wellbeing: higher is better for the first three, lower is better for anxiety. */
export const wellbeingLabels: Record<WellbeingQuestion, string> = {
  life_satisfaction: 'Life satisfaction',
  worthwhile: 'Feeling the things they do are worthwhile',
  happiness: 'Happiness yesterday',
  anxiety: 'Anxiety yesterday (lower is better)',
};
