import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  contactStep,
  datePartsSchema,
  latestBirthDateFor,
  professionalSubmissionSchema,
  referenceSchema,
  selfSubmissionSchema,
  submissionSchema,
} from './schema.ts';

const messages = (result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

const self = {
  source: 'self',
  given_name: ' Ada ',
  family_name: 'Lovelace',
  date_of_birth: '1958-04-12',
  postcode: 'pe301ab',
  gp_practice_code: 'd90001',
  needs: ['loneliness'],
  what_matters: 'Meeting people',
  contact_methods: ['email'],
  email: 'ada@example.org',
  may_leave_message: false,
  consent_given: true,
  consent_version: 'self-2026-12',
  idempotency_key: randomUUID(),
  form_started_at: '2026-12-03T09:00:00Z',
};

describe('the date of birth boxes', () => {
  const parse = (day: string, month: string, year: string) => datePartsSchema().safeParse({ day, month, year });

  it('asks for the date when all three boxes are empty', () => {
    expect(messages(parse('', '', ''))).toEqual([['', 'Enter your date of birth']]);
  });

  it('names the missing part and points at its box', () => {
    expect(messages(parse('12', '', '1958'))).toEqual([['month', 'Date of birth must include a month']]);
    expect(messages(parse('', '', '1958'))).toEqual([['day', 'Date of birth must include a day and month']]);
  });

  it('refuses a date that does not exist', () => {
    expect(messages(parse('30', '2', '1990'))).toEqual([['', 'Date of birth must be a real date']]);
    expect(messages(parse('1', '1', '58'))).toEqual([['year', 'Year must include 4 numbers']]);
  });

  it('asks for a date in the past, and 18 or over to refer yourself', () => {
    expect(messages(parse('1', '1', '2999'))).toEqual([['', 'Date of birth must be in the past']]);
    expect(messages(parse('1', '1', String(new Date().getUTCFullYear() - 10)))).toEqual([['', 'You must be 18 or over to refer yourself']]);
  });

  it('gives an ISO date for a real one', () => {
    expect(parse('3', '9', '1941').data).toBe('1941-09-03');
  });

  it('counts an 18th birthday on 29 February as 28 February in other years', () => {
    expect(latestBirthDateFor(18, '2026-02-28')).toBe('2008-02-28');
    expect(latestBirthDateFor(18, '2028-02-29')).toBe('2010-02-28');
  });
});

describe('how to contact', () => {
  it('needs a phone number for calls or texts and an email address for email', () => {
    const result = contactStep.safeParse({ contact_methods: ['text', 'email'], phone: '', email: null, may_leave_message: true });
    expect(messages(result)).toEqual([
      ['phone', 'Enter a phone number so we can call or text you'],
      ['email', 'Enter an email address so we can email you'],
    ]);
  });

  it('asks for at least one way', () => {
    expect(messages(contactStep.safeParse({ contact_methods: [], may_leave_message: true }))).toEqual([
      ['contact_methods', 'Select how we should contact you'],
    ]);
  });
});

describe('a self-referral submission', () => {
  it('normalises what people type: trimmed names, the postcode and practice code in capitals', () => {
    const parsed = selfSubmissionSchema.parse(self);
    expect(parsed).toMatchObject({ given_name: 'Ada', postcode: 'PE30 1AB', gp_practice_code: 'D90001', website: '', phone: null });
  });

  it('drops control characters pasted into an answer, keeping line breaks, rather than refusing the answers', () => {
    const parsed = selfSubmissionSchema.parse({ ...self, given_name: 'A\u0000da', what_matters: 'Meeting\u0007 people\r\nnearby\u001b' });
    expect(parsed).toMatchObject({ given_name: 'Ada', what_matters: 'Meeting people\r\nnearby' });
  });

  it('refuses a filled-in honeypot', () => {
    expect(messages(submissionSchema.safeParse({ ...self, website: 'spam' }))).toEqual([['website', 'Leave this field empty']]);
  });

  it('says how long an answer may be', () => {
    expect(messages(submissionSchema.safeParse({ ...self, what_matters: 'x'.repeat(1001) }))).toEqual([
      ['what_matters', 'What matters to you must be 1000 characters or fewer'],
    ]);
  });

  it('needs explicit consent', () => {
    expect(messages(submissionSchema.safeParse({ ...self, consent_given: false }))).toEqual([
      ['consent_given', 'Select that you agree to us storing and sharing your answers to help you'],
    ]);
  });
});

describe("a professional's referral", () => {
  const ward = {
    ...self,
    source: 'hospital_ward',
    consent_given: undefined,
    referrer_name: 'Jo Nurse',
    referrer_role: 'Ward nurse',
    referrer_organisation: 'The hospital',
    referrer_phone: '01632 960 777',
    person_consented: true,
    reason: 'Ready to go home but the house is unsafe',
    discharge_needs: ['cluttered_or_unsafe_home'],
    ward: 'Ward 4',
    expected_discharge_date: '2026-12-10',
  };

  it('is told apart by its source and keeps its discharge details', () => {
    expect(submissionSchema.parse(ward)).toMatchObject({
      source: 'hospital_ward',
      ward: 'Ward 4',
      discharge_needs: ['cluttered_or_unsafe_home'],
    });
  });

  it('needs the ward for a ward referral, and a way to reach the referrer', () => {
    expect(messages(professionalSubmissionSchema.safeParse({ ...ward, ward: '', referrer_phone: null }))).toEqual([
      ['referrer_phone', 'Enter a phone number or email address so the team can reach you'],
      ['ward', 'Enter the ward the person is on'],
    ]);
  });

  it("names the person rather than 'you' in the date of birth message", () => {
    expect(messages(professionalSubmissionSchema.safeParse({ ...ward, date_of_birth: '' }))).toEqual([
      ['date_of_birth', 'Enter their date of birth'],
    ]);
  });
});

describe('a reference', () => {
  it('is read in any case and refused with the letters people confuse', () => {
    expect(referenceSchema.parse(' sp-7kq4-m2 ')).toBe('SP-7KQ4-M2');
    expect(referenceSchema.safeParse('SP-0OI1-L2').success).toBe(false);
  });
});
