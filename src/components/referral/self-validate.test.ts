import { describe, expect, it } from 'vitest';
import type { JourneyData } from '../../lib/referral-pages/journey-data.ts';
import { emptySelfAnswers } from './self-answers.ts';
import { selfSubmission, validateSelfStep } from './self-validate.ts';
import { optionalIsoDate, yesNo } from './step-issues.ts';

const data = {
  areas: [
    { code: 'U1', name: 'Open PCN', selfReferralOpen: true, phone: null },
    { code: 'U2', name: 'Closed PCN', selfReferralOpen: false, phone: '01632 960 001' },
  ],
  practices: [
    { code: 'A12345', name: 'Open Surgery', town: null, pcnCode: 'U1' },
    { code: 'B12345', name: 'Closed Surgery', town: null, pcnCode: 'U2' },
  ],
  needs: [],
  supabase: { url: 'http://127.0.0.1', publishableKey: 'sb_publishable_x' },
  postcodesUrl: 'offline',
  limits: { what_matters: 1000, reason: 2000 },
} satisfies JourneyData;

const messages = (slug: string, change: Partial<ReturnType<typeof emptySelfAnswers>>) =>
  validateSelfStep(slug, { ...emptySelfAnswers(''), ...change }, data).map((i) => [String(i.path[0]), i.message]);

describe('checking a self-referral page by page', () => {
  it('asks for a phone number only when phone or text is chosen', () => {
    expect(messages('how-to-contact-you', { contact_methods: ['text'], may_leave_message: 'no' })).toEqual([
      ['phone', 'Enter a phone number so we can call or text you'],
    ]);
    expect(messages('how-to-contact-you', { contact_methods: ['email'], email: 'a@example.com', may_leave_message: 'yes' })).toEqual([]);
  });

  it('asks which language when an interpreter is needed', () => {
    expect(messages('support-you-need', {})).toEqual([['interpreter', 'Select yes if you need an interpreter']]);
    expect(messages('support-you-need', { interpreter: 'yes' })).toEqual([
      ['interpreter_language', 'Enter the language you need an interpreter for'],
    ]);
    expect(messages('support-you-need', { interpreter: 'no' })).toEqual([]);
  });

  it('turns away a practice whose area does not take self-referrals online, saying what to do instead', () => {
    expect(messages('your-gp-practice', { gp_practice_code: 'A12345' })).toEqual([]);
    const [[field, message]] = messages('your-gp-practice', { gp_practice_code: 'B12345' }) as [[string, string]];
    expect(field).toBe('gp_practice_code');
    expect(message).toContain('phone the team on 01632 960 001');
  });

  it('shows only the page’s own problems', () => {
    expect(messages('about-you', {}).map(([field]) => field)).toEqual(['given_name', 'family_name', 'postcode', 'date_of_birth']);
  });
});

describe('the submission made from the answers', () => {
  it('carries the date of birth as a date, the consent version and the journey key, and no interpreter language when none is needed', () => {
    const submission = selfSubmission(
      {
        ...emptySelfAnswers('U1'),
        date_of_birth: { day: '9', month: '3', year: '1950' },
        contact_methods: ['email'],
        phone: '07700 900982',
        interpreter: 'no',
        interpreter_language: 'Polish',
        may_leave_message: 'yes',
      },
      { idempotency_key: '7f1c7a52-1d0e-4a57-9a54-5d1f0f3c2a10', form_started_at: '2026-12-03T07:00:00Z', website: '' },
    );
    expect(submission).toMatchObject({
      source: 'self',
      date_of_birth: '1950-03-09',
      pcn_code: 'U1',
      phone: null,
      interpreter_language: '',
      may_leave_message: true,
      idempotency_key: '7f1c7a52-1d0e-4a57-9a54-5d1f0f3c2a10',
    });
    expect(submission.consent_version).toMatch(/^self-/);
  });
});

describe('answers as the schema takes them', () => {
  it('reads yes and no radios as booleans, and no answer as missing', () => {
    expect([yesNo('yes'), yesNo('no'), yesNo('')]).toEqual([true, false, undefined]);
  });

  it('makes an optional date from date boxes, or nothing when all are empty', () => {
    expect(optionalIsoDate({ day: '', month: ' ', year: '' })).toBeNull();
    expect(optionalIsoDate({ day: '5', month: '1', year: '2027' })).toBe('2027-01-05');
  });
});
