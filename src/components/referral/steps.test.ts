import { describe, expect, it } from 'vitest';
import { checkSlug, firstStepPath, journeys, nextStep, previousPath, stepFromPath, stepOfField, stepsBefore } from './steps.ts';

describe('the self-referral steps', () => {
  it('start with the questions about you and end with the confirmation', () => {
    expect(firstStepPath('self')).toBe('/refer/about-you/');
    expect(journeys.self.steps.map((s) => s.slug).slice(-2)).toEqual([checkSlug, 'referral-sent']);
  });

  it('go forward one question at a time', () => {
    expect(nextStep('self', 'about-you', false).slug).toBe('your-gp-practice');
    expect(nextStep('self', 'consent', false).slug).toBe(checkSlug);
  });

  it('return to check your answers after a change', () => {
    expect(nextStep('self', 'about-you', true).slug).toBe(checkSlug);
    expect(previousPath('self', 'what-would-help', true)).toBe('/refer/check-your-answers/');
  });

  it('lead back to the start page from the first question', () => {
    expect(previousPath('self', 'about-you', false)).toBe('/refer/');
    expect(previousPath('self', 'your-gp-practice', false)).toBe('/refer/about-you/');
  });

  it('know their page from the address, with or without the closing slash', () => {
    expect(stepFromPath('self', '/refer/consent/')?.slug).toBe('consent');
    expect(stepFromPath('self', '/refer/consent')?.slug).toBe('consent');
    expect(stepFromPath('self', '/refer/')).toBeNull();
    expect(stepFromPath('self', '/areas/')).toBeNull();
  });

  it('find the page that asks for a field the server complained about', () => {
    expect(stepOfField('self', 'date_of_birth')?.slug).toBe('about-you');
    expect(stepOfField('self', 'email')?.slug).toBe('how-to-contact-you');
    expect(stepOfField('self', 'no_such_field')).toBeNull();
  });

  it('list the questions that must be answered before a page may show', () => {
    expect(stepsBefore('self', 'about-you')).toEqual([]);
    expect(stepsBefore('self', 'what-would-help').map((s) => s.slug)).toEqual(['about-you', 'your-gp-practice']);
  });
});

describe('the professional referral steps', () => {
  it('live under /refer/professional/ and ask about the referrer first', () => {
    expect(firstStepPath('professional')).toBe('/refer/professional/your-details/');
    expect(stepFromPath('professional', '/refer/professional/reason/')?.slug).toBe('reason');
    expect(stepFromPath('self', '/refer/professional/reason/')).toBeNull();
  });

  it('ask how to contact the person after who they are, and before their practice', () => {
    expect(nextStep('professional', 'about-the-person', false).slug).toBe('how-to-contact-them');
    expect(nextStep('professional', 'how-to-contact-them', false).slug).toBe('their-gp-practice');
    expect(stepOfField('professional', 'may_leave_message')?.slug).toBe('how-to-contact-them');
  });

  it('send a ward or discharge date error back to the reason page', () => {
    expect(stepOfField('professional', 'ward')?.slug).toBe('reason');
    expect(stepOfField('professional', 'expected_discharge_date')?.slug).toBe('reason');
  });
});
