// GoTrue's email address check (validateEmail, with badoux/checkmail's format rule), used
// everywhere an address is accepted so a bad one gets GoTrue's exact 400 validation_failed.
import { validationFailed } from './errors.ts';

// checkmail's pattern: a local part of RFC 5322 atom characters, then dot-separated labels.
const emailFormat =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

export const isValidEmail = (email: string) => email.length <= 255 && emailFormat.test(email);

/** The address in lower case, or GoTrue's error for a missing, too long or malformed one. */
export function validateEmail(email: string | undefined): string {
  if (!email) throw validationFailed('An email address is required');
  if (email.length > 255) throw validationFailed('An email address is too long');
  if (!emailFormat.test(email)) throw validationFailed('Unable to validate email address: invalid format');
  return email.toLowerCase();
}
