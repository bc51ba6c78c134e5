import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bankHolidays } from './bank-holidays.ts';

/**
 * The database counts working days from public.bank_holidays, which migrations fill; the site
 * and scripts from the JSON beside this file. Both must hold the same days, or a due date in the
 * workspace and one worked out in TypeScript would differ.
 */
const migrations = fileURLToPath(new URL('../../../supabase/migrations/', import.meta.url));

function daysInMigrations(): { date: string; title: string }[] {
  const rows: { date: string; title: string }[] = [];
  for (const file of readdirSync(migrations).sort()) {
    const text = readFileSync(migrations + file, 'utf8');
    for (const block of text.matchAll(/insert into public\.bank_holidays \(day, title\) values([\s\S]*?);/g))
      for (const row of block[1]!.matchAll(/\('(\d{4}-\d{2}-\d{2})', '((?:[^']|'')*)'\)/g))
        rows.push({ date: row[1]!, title: row[2]!.replace(/''/g, "'") });
  }
  return rows;
}

describe('bank holidays in the database', () => {
  it('are exactly the England and Wales bank holidays the TypeScript list holds, with the same names', () => {
    expect(daysInMigrations()).toEqual(bankHolidays.map((e) => ({ date: e.date, title: e.title })));
  });
});
