/**
 * Text that has broken software before, for the hostile-input properties beside this file: markup
 * and script, SQL, Meilisearch filter syntax, spreadsheet formulas, LIKE wildcards, bidirectional
 * and terminal control characters, line breaks, JavaScript's own property names, numbers and dates
 * that are not. A NUL is kept apart (`nul`): nothing can store it as text, so each test decides
 * where it belongs.
 */
export const adversarialStrings = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; drop table public.referrals; --",
  "Robert'); select pg_sleep(10); --",
  '=HYPERLINK("http://evil.example","click")',
  '+cmd|" /C calc"!A0',
  'needs = "money" OR _geo EXISTS',
  '%',
  '_',
  '\\',
  '\u202eevil\u202c',
  '\u0007\u0008\u001b[31m',
  'line\r\nbreak',
  '__proto__',
  'constructor',
  '1e400',
  '-0',
  'NaN',
  '2026-02-30',
  ' ',
  '',
];

export const nul = 'nul\u0000byte';
