// Configuration read from GoTrue's own environment variable names, so a setting means the same
// thing here as on hosted Supabase Auth. One schema; every bad variable is named in the error.
import { z } from 'zod';
import { signingKeysReader, type SigningKey } from '../signing-keys.ts';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'TRUE', 'FALSE', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : v === 'true' || v === 'TRUE' || v === '1'));

const int = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) {
        ctx.addIssue({ code: 'custom', message: `expected a whole number, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

// GoTrue parses rate limits as floats per window; whole numbers are all the stack needs.
export const authEnvSchema = z.object({
  GOTRUE_SITE_URL: z.url().default('http://127.0.0.1:4321'),
  GOTRUE_JWT_SECRET: z.string().min(32, 'must be at least 32 characters (HS256 secret)'),
  GOTRUE_JWT_KEYS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return [];
      try {
        const keys: unknown = JSON.parse(v);
        if (Array.isArray(keys)) return keys as SigningKey[];
      } catch {
        // reported below
      }
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of JWKs (the current signing key has "sign" in key_ops)' });
      return z.NEVER;
    }),
  GOTRUE_JWT_EXP: int(3600),
  GOTRUE_JWT_AUD: z.string().default('authenticated'),
  GOTRUE_JWT_ADMIN_ROLES: z.string().default('service_role,supabase_admin'),
  GOTRUE_MAILER_AUTOCONFIRM: bool(false),
  GOTRUE_MAILER_SECURE_EMAIL_CHANGE_ENABLED: bool(true),
  GOTRUE_MAILER_OTP_EXP: int(86400),
  GOTRUE_MAILER_OTP_LENGTH: int(6),
  GOTRUE_SMTP_ADMIN_EMAIL: z.string().default('admin@signpost.local'),
  GOTRUE_DISABLE_SIGNUP: bool(false),
  GOTRUE_EXTERNAL_EMAIL_ENABLED: bool(true),
  GOTRUE_EXTERNAL_ANONYMOUS_USERS_ENABLED: bool(false),
  GOTRUE_PASSWORD_MIN_LENGTH: int(6),
  GOTRUE_SECURITY_REFRESH_TOKEN_ROTATION_ENABLED: bool(true),
  GOTRUE_SECURITY_REFRESH_TOKEN_REUSE_INTERVAL: int(10),
  GOTRUE_SECURITY_UPDATE_PASSWORD_REQUIRE_REAUTHENTICATION: bool(false),
  GOTRUE_RATE_LIMIT_EMAIL_SENT: int(30),
  GOTRUE_RATE_LIMIT_TOKEN_REFRESH: int(150),
  GOTRUE_RATE_LIMIT_VERIFY: int(30),
  GOTRUE_RATE_LIMIT_OTP: int(30),
  GOTRUE_RATE_LIMIT_ANONYMOUS_USERS: int(30),
  GOTRUE_MFA_RATE_LIMIT_CHALLENGE_AND_VERIFY: int(15),
  GOTRUE_MFA_CHALLENGE_EXPIRY_DURATION: int(300),
  GOTRUE_MFA_MAX_ENROLLED_FACTORS: int(10),
  GOTRUE_URI_ALLOW_LIST: z.string().default(''),
  API_EXTERNAL_URL: z.url().optional(),
  GOTRUE_API_HOST: z.string().optional(),
  GOTRUE_API_PORT: int(9999).optional(),
  PORT: int(9999).optional(),
  GOTRUE_DB_DATABASE_URL: z.string().optional(),
  DATABASE_URL: z.string().optional(),
});

export type AuthEnv = z.infer<typeof authEnvSchema>;

export interface AuthConfig {
  siteUrl: string;
  externalUrl: string;
  jwtSecret: string;
  /** Asymmetric signing keys (current, standby, retired); empty means HS256 with jwtSecret only. */
  jwtKeys: () => SigningKey[];
  jwtExp: number;
  jwtAud: string;
  adminRoles: string[];
  mailerAutoconfirm: boolean;
  secureEmailChange: boolean;
  otpExp: number;
  otpLength: number;
  adminEmail: string;
  disableSignup: boolean;
  emailEnabled: boolean;
  anonymousEnabled: boolean;
  passwordMinLength: number;
  refreshRotation: boolean;
  refreshReuseInterval: number;
  passwordChangeNeedsReauthentication: boolean;
  rateLimits: {
    emailSent: number;
    tokenRefresh: number;
    verify: number;
    otp: number;
    anonymousUsers: number;
    mfaChallengeAndVerify: number;
  };
  mfaChallengeExpiry: number;
  mfaMaxFactors: number;
  uriAllowList: string[];
}

export class AuthConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthConfigError';
  }
}

/** Reads the GOTRUE_* variables; throws one error listing every variable that is wrong. */
export function readAuthEnv(env: NodeJS.ProcessEnv): AuthEnv {
  const parsed = authEnvSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
  throw new AuthConfigError(`Local Auth server: bad environment variables:\n${lines.join('\n')}`);
}

/** `signingKeysFile` (the stack's state folder) wins over GOTRUE_JWT_KEYS and is re-read when it changes. */
export function authConfigFrom(env: AuthEnv, fallbackExternalUrl: string, signingKeysFile?: string): AuthConfig {
  return {
    jwtKeys: signingKeysFile ? signingKeysReader(signingKeysFile) : () => env.GOTRUE_JWT_KEYS,
    siteUrl: env.GOTRUE_SITE_URL.replace(/\/$/, ''),
    externalUrl: (env.API_EXTERNAL_URL ?? fallbackExternalUrl).replace(/\/$/, ''),
    jwtSecret: env.GOTRUE_JWT_SECRET,
    jwtExp: env.GOTRUE_JWT_EXP,
    jwtAud: env.GOTRUE_JWT_AUD,
    adminRoles: env.GOTRUE_JWT_ADMIN_ROLES.split(',').map((r) => r.trim()),
    mailerAutoconfirm: env.GOTRUE_MAILER_AUTOCONFIRM,
    secureEmailChange: env.GOTRUE_MAILER_SECURE_EMAIL_CHANGE_ENABLED,
    otpExp: env.GOTRUE_MAILER_OTP_EXP,
    otpLength: env.GOTRUE_MAILER_OTP_LENGTH,
    adminEmail: env.GOTRUE_SMTP_ADMIN_EMAIL,
    disableSignup: env.GOTRUE_DISABLE_SIGNUP,
    emailEnabled: env.GOTRUE_EXTERNAL_EMAIL_ENABLED,
    anonymousEnabled: env.GOTRUE_EXTERNAL_ANONYMOUS_USERS_ENABLED,
    passwordMinLength: env.GOTRUE_PASSWORD_MIN_LENGTH,
    refreshRotation: env.GOTRUE_SECURITY_REFRESH_TOKEN_ROTATION_ENABLED,
    refreshReuseInterval: env.GOTRUE_SECURITY_REFRESH_TOKEN_REUSE_INTERVAL,
    passwordChangeNeedsReauthentication: env.GOTRUE_SECURITY_UPDATE_PASSWORD_REQUIRE_REAUTHENTICATION,
    rateLimits: {
      emailSent: env.GOTRUE_RATE_LIMIT_EMAIL_SENT,
      tokenRefresh: env.GOTRUE_RATE_LIMIT_TOKEN_REFRESH,
      verify: env.GOTRUE_RATE_LIMIT_VERIFY,
      otp: env.GOTRUE_RATE_LIMIT_OTP,
      anonymousUsers: env.GOTRUE_RATE_LIMIT_ANONYMOUS_USERS,
      mfaChallengeAndVerify: env.GOTRUE_MFA_RATE_LIMIT_CHALLENGE_AND_VERIFY,
    },
    mfaChallengeExpiry: env.GOTRUE_MFA_CHALLENGE_EXPIRY_DURATION,
    mfaMaxFactors: env.GOTRUE_MFA_MAX_ENROLLED_FACTORS,
    uriAllowList: env.GOTRUE_URI_ALLOW_LIST.split(',')
      .map((u) => u.trim())
      .filter(Boolean),
  };
}
