import { describe, expect, it } from 'vitest';
import { authConfigFrom, readAuthEnv } from './config.ts';
import { withProjectSettings } from './project-settings.ts';

const secret = 'super-secret-jwt-token-with-at-least-32-characters-long';

describe('reading GoTrue settings from the environment', () => {
  it("uses GoTrue's defaults when only the secret is set", () => {
    const config = authConfigFrom(readAuthEnv({ GOTRUE_JWT_SECRET: secret }), 'http://127.0.0.1:9999');
    expect(config).toMatchObject({
      jwtExp: 3600,
      passwordMinLength: 6,
      mailerAutoconfirm: false,
      disableSignup: false,
      anonymousEnabled: false,
      otpExp: 86400,
      externalUrl: 'http://127.0.0.1:9999',
      rateLimits: { emailSent: 30, tokenRefresh: 150, verify: 30, otp: 30, anonymousUsers: 30, mfaChallengeAndVerify: 15 },
    });
  });

  it('gives mailed codes the hour hosted projects start with, where GoTrue alone gives a day', () => {
    const config = authConfigFrom(readAuthEnv(withProjectSettings({ GOTRUE_JWT_SECRET: secret })), 'http://127.0.0.1:9999');
    expect(config.otpExp).toBe(3600);
  });

  it('reads booleans, numbers and lists the way GoTrue does', () => {
    const config = authConfigFrom(
      readAuthEnv({
        GOTRUE_JWT_SECRET: secret,
        GOTRUE_JWT_EXP: '600',
        GOTRUE_MAILER_AUTOCONFIRM: 'true',
        GOTRUE_URI_ALLOW_LIST: 'http://localhost:3000/**, https://example.org',
        API_EXTERNAL_URL: 'http://127.0.0.1:54321/auth/v1/',
      }),
      'unused',
    );
    expect(config.jwtExp).toBe(600);
    expect(config.mailerAutoconfirm).toBe(true);
    expect(config.uriAllowList).toEqual(['http://localhost:3000/**', 'https://example.org']);
    expect(config.externalUrl).toBe('http://127.0.0.1:54321/auth/v1');
  });

  it('names every bad variable in one error', () => {
    const bad = { GOTRUE_JWT_SECRET: 'short', GOTRUE_JWT_EXP: 'soon', GOTRUE_DISABLE_SIGNUP: 'maybe', GOTRUE_SITE_URL: 'not a url' };
    let message = '';
    try {
      readAuthEnv(bad);
    } catch (err) {
      message = (err as Error).message;
    }
    for (const name of Object.keys(bad)) expect(message).toContain(name);
  });
});
