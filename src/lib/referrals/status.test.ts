import { describe, expect, it } from 'vitest';
import { referralStatuses } from './schema.ts';
import { describeEvent, statusWords } from './status.ts';

describe('statuses in plain words', () => {
  it('has words for every status the database allows', () => {
    expect(Object.keys(statusWords).sort()).toEqual([...referralStatuses].sort());
  });

  it('tells the history as the person lived it', () => {
    expect(describeEvent({ kind: 'submitted', to_status: 'new', actor: 'owner' })).toBe('You sent your referral');
    expect(describeEvent({ kind: 'status_changed', to_status: 'withdrawn', actor: 'owner' })).toBe('You withdrew the referral');
    expect(describeEvent({ kind: 'status_changed', to_status: 'contacted', actor: 'staff' })).toBe('Status changed to “In touch”');
    expect(describeEvent({ kind: 'plan_changed', to_status: 'active', actor: 'staff' })).toBe('Your link worker updated your plan');
  });
});
