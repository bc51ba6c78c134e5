// GoTrue's error responses. auth-js picks the error code from `code` when the response carries
// the X-Supabase-Api-Version header (2024-01-01 and later) and from `error_code` otherwise, so
// we answer in whichever shape the caller asked for, as GoTrue does.

export const API_VERSION_HEADER = 'x-supabase-api-version';
export const API_VERSION_2024 = '2024-01-01';

export class AuthHttpError extends Error {
  readonly status: number;
  readonly errorCode: string;
  readonly extra: Record<string, unknown>;
  constructor(status: number, errorCode: string, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AuthHttpError';
    this.status = status;
    this.errorCode = errorCode;
    this.extra = extra;
  }
}

export const badRequest = (code: string, msg: string) => new AuthHttpError(400, code, msg);
export const unauthorized = (code: string, msg: string) => new AuthHttpError(401, code, msg);
export const forbidden = (code: string, msg: string) => new AuthHttpError(403, code, msg);
export const notFound = (code: string, msg: string) => new AuthHttpError(404, code, msg);
export const unprocessable = (code: string, msg: string) => new AuthHttpError(422, code, msg);
export const tooManyRequests = (code: string, msg: string) => new AuthHttpError(429, code, msg);

export const invalidCredentials = () => badRequest('invalid_credentials', 'Invalid login credentials');
export const otpExpired = () => forbidden('otp_expired', 'Token has expired or is invalid');
export const validationFailed = (msg: string) => badRequest('validation_failed', msg);

export function weakPassword(min: number): AuthHttpError {
  return new AuthHttpError(422, 'weak_password', `Password should be at least ${min} characters.`, {
    weak_password: { reasons: ['length'] },
  });
}

/** The JSON body GoTrue would send for this error, for the API version the caller asked for. */
export function errorBody(err: AuthHttpError, apiVersion: string | undefined): Record<string, unknown> {
  if (apiVersion && apiVersion >= API_VERSION_2024) {
    return { code: err.errorCode, msg: err.message, ...err.extra };
  }
  return { code: err.status, error_code: err.errorCode, msg: err.message, ...err.extra };
}
