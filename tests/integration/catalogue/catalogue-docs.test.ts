import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleData } from '../../../src/lib/sample-data/index.ts';
import { sql } from './support.ts';

/** docs/catalogue.md must say what the code does: the objects it names exist, its counts are the sample data's. */
const doc = readFileSync(new URL('../../../docs/catalogue.md', import.meta.url), 'utf8');
const prose = doc.replace(/\s+/g, ' ');
const { services } = sampleData.catalogue;

describe('docs/catalogue.md', () => {
  it('names only database functions, tables and indexes that exist', async () => {
    const named = [...new Set([...doc.matchAll(/`public\.(\w+)/g)].map((m) => m[1]!))];
    const indexes = [...new Set([...doc.matchAll(/`(\w+_idx)`/g)].map((m) => m[1]!))];
    expect(named.length + indexes.length).toBeGreaterThan(0);
    const rows = await sql<{ name: string }>(
      `select proname as name from pg_proc where pronamespace = 'public'::regnamespace and proname = any($1)
       union select relname from pg_class where relnamespace = 'public'::regnamespace and relname = any($1)`,
      [[...named, ...indexes]],
    );
    const existing = new Set(rows.map((r) => r.name));
    expect([...named, ...indexes].filter((n) => !existing.has(n))).toEqual([]);
  });

  it('gives the sample data’s number of drafts and its status mix', () => {
    const count = (status: string) => services.filter((s) => s.status === status).length;
    expect(prose).toContain(`${services.filter((s) => !s.published).length} unpublished drafts`);
    expect(prose).toContain(
      `Status mix: ${count('active')} active, ${count('temporarily closed')} temporarily closed, ${count('inactive')} inactive, ${count('defunct')} defunct`,
    );
  });
});
