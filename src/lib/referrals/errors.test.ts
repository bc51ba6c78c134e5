import { describe, expect, it } from 'vitest';
import { referralErrorFrom, ReferralError } from './errors.ts';

describe('errors from the referral functions', () => {
  it('keep the code, the message and the field the database gave', () => {
    const error = referralErrorFrom({ code: 'SP422', message: 'Enter your first name', hint: 'given_name' }, 422);
    expect(error).toBeInstanceOf(ReferralError);
    expect(error).toMatchObject({ code: 'SP422', message: 'Enter your first name', field: 'given_name', retryable: false });
  });

  it('treat a request that never got an answer as a network failure worth retrying', () => {
    const error = referralErrorFrom({ code: '', message: 'TypeError: Failed to fetch' }, 0);
    expect(error).toMatchObject({ code: 'network', retryable: true });
    expect(error.message).toMatch(/your answers are still here/);
  });

  it('treat a gateway that cannot reach PostgREST as a network failure', () => {
    expect(referralErrorFrom({ code: 'PGRST000', message: 'Could not connect' }, 503).code).toBe('network');
  });

  it('treat a transaction the database rolled back for a concurrent one as worth sending again', () => {
    for (const code of ['40P01', '40001']) {
      expect(referralErrorFrom({ code, message: 'deadlock detected' }, 500)).toMatchObject({ code: 'network', retryable: true });
    }
  });

  it('never show a database message nobody wrote for people', () => {
    const error = referralErrorFrom({ code: '23514', message: 'new row violates check constraint "x"' }, 400);
    expect(error.code).toBe('unexpected');
    expect(error.message).not.toMatch(/constraint/);
  });
});
