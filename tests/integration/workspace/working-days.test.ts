import { afterAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../../src/lib/working-days/working-days.ts';
import { db, sql } from './support.ts';

afterAll(() => db.end());

describe('working days in the database', () => {
  it('gives the same due date as the TypeScript count for every day of the years covered, 0 to 10 days on', async () => {
    const rows = await sql<{ start: string; days: number; due: string }>(
      `select d::date::text as start, n as days, public.add_working_days(d::date, n)::text as due
       from generate_series('2025-01-01'::date, '2028-12-10'::date, interval '3 days') d, generate_series(0, 10, 5) n`,
    );
    const differing = rows.filter((r) => addWorkingDays(r.start, r.days) !== r.due);
    expect(rows.length).toBeGreaterThan(1000);
    expect(differing).toEqual([]);
  });
});
