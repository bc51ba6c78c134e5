/**
 * The words a person agrees to, kept with their version: the referral records which version was
 * shown. Change the words only together with a new version.
 */
export const selfConsent = {
  version: 'self-2026-12-v1',
  paragraphs: [
    'Your answers go to the social prescribing link-worker team for your GP practice. Only that team (and, where teams share one triage, the coordinator who passes referrals between them) can read them.',
    'They use your answers to contact you and to find support that suits you. They keep a record of your referral and of the messages between you, as part of your care.',
    'You can withdraw your referral at any time from your own page, and ask what is held about you.',
  ],
  agreement: 'I agree to my answers being shared with the link-worker team as described above',
} as const;

export const professionalConsent = {
  version: 'professional-2026-12-v1',
  agreement: 'The person has agreed to be referred and to their details being shared with the link-worker team',
} as const;
