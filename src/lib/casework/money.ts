/**
 * Money in the practical-help fund: stored and sent as whole pence (integers), shown as £45.00.
 * Parsing is strict so a typo never becomes a different amount: "45", "45.5", "45.00", "£45" and
 * "£1,250.00" are read; "45.123", "4 5", "-3" and "forty" are refused with a message saying why.
 */
export type PenceResult = { ok: true; pence: number } | { ok: false; message: string };

/** The largest amount a fund entry may hold (the database's own limit): £100,000. */
export const maxPence = 10_000_000;

const pattern = /^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

export function parsePounds(typed: string, what = 'the amount'): PenceResult {
  const text = typed.trim();
  if (!text) return { ok: false, message: `Enter ${what}, for example £45 or £45.00` };
  if (text.startsWith('-')) return { ok: false, message: `Enter ${what} as a positive amount, for example £45.00` };
  const match = pattern.exec(text);
  if (!match) {
    if (/^£?\s*[\d,]*\.\d{3,}$/.test(text))
      return { ok: false, message: `Enter ${what} with no more than 2 digits after the point, for example £45.50` };
    return { ok: false, message: `Enter ${what} in pounds and pence, like £45 or £45.00, using only numbers` };
  }
  const pounds = Number(match[1]!.replace(/,/g, ''));
  const pence = pounds * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (pence <= 0) return { ok: false, message: `Enter ${what} more than £0` };
  if (pence > maxPence) return { ok: false, message: `Enter ${what} of £100,000 or less` };
  return { ok: true, pence };
}

const formatter = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2 });

/** 4500 → "£45.00"; 125000 → "£1,250.00". */
export function formatPounds(pence: number): string {
  if (!Number.isInteger(pence)) throw new Error(`an amount in pence must be whole: ${pence}`);
  return formatter.format(pence / 100);
}
