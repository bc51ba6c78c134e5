import { describe, expect, it } from 'vitest';
import { dateParts, fieldErrorsFrom, summaryOf } from './field-errors.ts';

describe('field errors', () => {
  it('keep only the first message for each field', () => {
    const errors = fieldErrorsFrom([
      { path: ['postcode'], message: 'Enter your postcode' },
      { path: ['postcode'], message: 'Enter a real postcode' },
      { path: ['given_name'], message: 'Enter your first name' },
    ]);
    expect(errors).toEqual({ postcode: 'Enter your postcode', given_name: 'Enter your first name' });
  });

  it('treat the parts of a date as one field', () => {
    const issues = [{ path: ['date_of_birth', 'month'], message: 'Date of birth must include a month' }];
    expect(fieldErrorsFrom(issues)).toEqual({ date_of_birth: 'Date of birth must include a month' });
    expect(dateParts(issues, 'date_of_birth')).toEqual(['month']);
    expect(dateParts([{ path: ['date_of_birth'], message: 'Enter a date of birth in the past' }], 'date_of_birth')).toEqual([]);
  });

  it('put problems with the whole form under "form"', () => {
    expect(fieldErrorsFrom([{ path: [], message: 'Something is wrong' }])).toEqual({ form: 'Something is wrong' });
  });

  it('list the summary in the order the fields appear, each linking to its field', () => {
    const summary = summaryOf({ postcode: 'Enter your postcode', given_name: 'Enter your first name' }, ['given_name', 'postcode']);
    expect(summary).toEqual([
      { href: '#given_name', text: 'Enter your first name' },
      { href: '#postcode', text: 'Enter your postcode' },
    ]);
  });
});
