// TOTP as GoTrue configures it: SHA1, 6 digits, 30 s period, one step of clock drift allowed.
import { Secret, TOTP } from 'otpauth';
import { escapeHtml } from './html.ts';

export const newTotpSecret = () => new Secret({ size: 20 }).base32;

export function totpFor(secret: string, issuer: string, label: string): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

export function totpCodeMatches(secret: string, code: string): boolean {
  return totpFor(secret, '', 'x').validate({ token: code.trim(), window: 1 }) !== null;
}

/**
 * GoTrue returns a QR code SVG of the otpauth URI. No QR encoder is installed here, so this
 * development server returns an SVG that shows the secret to type into an authenticator app.
 */
export function secretSvg(secret: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="60" role="img" aria-label="TOTP secret ${escapeHtml(secret)}"><rect width="320" height="60" fill="#fff"/><text x="10" y="35" font-family="monospace" font-size="12">${escapeHtml(secret)}</text></svg>`;
}
