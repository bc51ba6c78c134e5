import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The catalogue migrations must run unchanged on hosted Supabase, where roles, the auth schema
 * and the platform extensions already exist and belong to Supabase.
 */
const files = [
  '20261122000200_directory.sql',
  '20261122000300_places_and_teams.sql',
  '20261122000400_needs_taxonomy.sql',
  '20261123000500_needs_for_any_catalogue.sql',
  '20261123000600_search_sync.sql',
];
const read = (file: string) => readFileSync(new URL(`../../../supabase/migrations/${file}`, import.meta.url), 'utf8');

describe.each(files)('the migration %s', (file) => {
  const sql = read(file).replace(/--.*$/gm, '');

  it('creates no roles and changes nothing in the auth schema', () => {
    expect(sql).not.toMatch(/\b(create|alter|drop)\s+role\b/i);
    expect(sql).not.toMatch(/\b(create|alter|drop)\s+(schema|table|function)\s+(if\s+not\s+exists\s+)?auth\./i);
    expect(sql).not.toMatch(/\bcreate\s+schema\b/i);
  });

  it('creates extensions only if missing and only in the extensions schema', () => {
    for (const statement of sql.match(/create\s+extension[^;]*;/gi) ?? []) {
      expect(statement).toMatch(/if\s+not\s+exists/i);
      expect(statement).toMatch(/with\s+schema\s+extensions/i);
    }
  });

  it('enables row level security straight after creating each table', () => {
    const tables = [...sql.matchAll(/create\s+table\s+public\.(\w+)/gi)].map((m) => m[1]);
    for (const table of tables) {
      const after = sql.slice(sql.search(new RegExp(`create\\s+table\\s+public\\.${table}\\b`, 'i')));
      const body = after.slice(0, after.indexOf(');') + 2);
      const next = after.slice(body.length).trimStart();
      expect([table, next.split('\n')[0]]).toEqual([table, `alter table public.${table} enable row level security;`]);
    }
  });

  it('pins the search path of every security definer function', () => {
    for (const fn of sql.match(/create\s+or\s+replace\s+function[\s\S]*?\$\$;/gi) ?? []) {
      if (/security\s+definer/i.test(fn)) expect(fn).toMatch(/set\s+search_path\s*=\s*''/i);
    }
  });
});
