// This project's Auth settings, the local equivalent of what is switched on in the hosted
// Supabase dashboard (or supabase/config.toml with the CLI). GoTrue's own defaults live in
// config.ts; these override them, and any GOTRUE_* variable in the environment overrides both.
export const projectAuthSettings: Record<string, string> = {
  // Self-referral starts as an anonymous session that later adds an email (issue 3).
  GOTRUE_EXTERNAL_ANONYMOUS_USERS_ENABLED: 'true',
  // GoTrue's own default is a day; hosted projects and the Supabase CLI start at an hour
  // ("Email OTP Expiration", `otp_expiry = 3600`), which bounds how long a code can be guessed.
  GOTRUE_MAILER_OTP_EXP: '3600',
};

export function withProjectSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...projectAuthSettings, ...env };
}
