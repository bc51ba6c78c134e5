// TOTP as GoTrue configures it: SHA1, 6 digits, 30 s period, one step of clock drift allowed.
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

export const newTotpSecret = () => new Secret({ size: 20 }).base32;

export function totpFor(secret: string, issuer: string, label: string): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

export function totpCodeMatches(secret: string, code: string): boolean {
  return totpFor(secret, '', 'x').validate({ token: code.trim(), window: 1 }) !== null;
}

/**
 * The QR code of the otpauth URI as an SVG document, as GoTrue returns it (error correction level
 * H), for authenticator apps to scan. auth-js puts it after `data:image/svg+xml;utf-8,` unencoded,
 * so the colours are named: a `#` would end the data URL.
 */
export async function qrCodeSvg(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'H', margin: 4, width: 200 });
  return svg
    .trim()
    .replace(/"#ffffff"/gi, '"white"')
    .replace(/"#000000"/gi, '"black"');
}
