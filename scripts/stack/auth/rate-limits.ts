// GoTrue's abuse limits, kept in memory (GoTrue also keeps them per instance). Each limit is a
// count per window; the key says what is being counted (an address, a client, or both).
import type { AuthConfig } from './config.ts';
import { tooManyRequests } from './errors.ts';

const ONE_MINUTE = 60 * 1000;
const FIVE_MINUTES = 5 * 60 * 1000;
const ONE_HOUR = 60 * 60 * 1000;

class WindowCounter {
  private readonly hits = new Map<string, number[]>();
  private readonly limit: number;
  private readonly windowMs: number;
  constructor(limit: number, windowMs: number) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  private recent(key: string): number[] {
    const now = Date.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    this.hits.set(key, recent);
    return recent;
  }

  /** True once `limit` hits have happened inside the window. */
  full(key: string): boolean {
    return this.recent(key).length >= this.limit;
  }

  record(key: string): void {
    this.recent(key).push(Date.now());
  }

  /** Records a hit; returns false once `limit` hits have happened inside the window. */
  take(key: string): boolean {
    if (this.full(key)) return false;
    this.record(key);
    return true;
  }
}

// GoTrue counts most limits per client IP. Behind the local gateway every caller is 127.0.0.1,
// so one busy test suite would starve the next; we count per client *and* account instead,
// which still bounds guessing against any one account (the abuse the limits exist for).
export interface RateLimits {
  /** Mails (confirmation, magic link, OTP, email change, recovery) per address per hour. */
  emailSent(address: string): void;
  /** /token calls (password or refresh grant) per client and account per 5 minutes. */
  token(key: string): void;
  /** /verify calls per client and target per 5 minutes. */
  verify(key: string): void;
  /** /otp and /magiclink requests per client and address per 5 minutes. */
  otp(key: string): void;
  /** Anonymous sign-ins per client per hour (GoTrue counts them per IP). */
  anonymousSignIn(client: string): void;
  /** MFA challenges, and separately MFA verifications, per client and factor per minute. */
  mfaChallenge(key: string): void;
  mfaVerify(key: string): void;
  /**
   * Failed verifications of mailed codes and links, counted per client and per user or address
   * (a token hash names neither, so a guessed hash counts against the client). Refuses further
   * attempts while any of `keys` has used up GOTRUE_RATE_LIMIT_VERIFY in 5 minutes.
   */
  checkVerifyFailures(keys: string[]): void;
  recordVerifyFailure(keys: string[]): void;
}

export function createRateLimits(config: AuthConfig): RateLimits {
  const l = config.rateLimits;
  const email = new WindowCounter(l.emailSent, ONE_HOUR);
  const token = new WindowCounter(l.tokenRefresh, FIVE_MINUTES);
  const verify = new WindowCounter(l.verify, FIVE_MINUTES);
  const otp = new WindowCounter(l.otp, FIVE_MINUTES);
  const anonymous = new WindowCounter(l.anonymousUsers, ONE_HOUR);
  const mfaChallenge = new WindowCounter(l.mfaChallengeAndVerify, ONE_MINUTE);
  const mfaVerify = new WindowCounter(l.mfaChallengeAndVerify, ONE_MINUTE);
  const verifyFailures = new WindowCounter(l.verify, FIVE_MINUTES);
  const requestLimit = () => tooManyRequests('over_request_rate_limit', 'Request rate limit reached');
  return {
    emailSent(address) {
      if (!email.take(address.toLowerCase())) {
        throw tooManyRequests('over_email_send_rate_limit', 'email rate limit exceeded');
      }
    },
    token(key) {
      if (!token.take(key.toLowerCase())) throw requestLimit();
    },
    verify(key) {
      if (!verify.take(key.toLowerCase())) throw requestLimit();
    },
    otp(key) {
      if (!otp.take(key.toLowerCase())) throw requestLimit();
    },
    anonymousSignIn(client) {
      if (!anonymous.take(client)) throw requestLimit();
    },
    mfaChallenge(key) {
      if (!mfaChallenge.take(key)) throw requestLimit();
    },
    mfaVerify(key) {
      if (!mfaVerify.take(key)) throw requestLimit();
    },
    checkVerifyFailures(keys) {
      if (keys.some((key) => verifyFailures.full(key.toLowerCase()))) throw requestLimit();
    },
    recordVerifyFailure(keys) {
      for (const key of keys) verifyFailures.record(key.toLowerCase());
    },
  };
}
