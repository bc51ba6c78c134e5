import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptConfig } from '../../../scripts/lib/config.ts';
import { runRelevance, type RelevanceReport } from '../../../scripts/lib/relevance.ts';
import { connect } from '../../../src/lib/oruk/db.ts';
import { testStack } from '../../support/stack.ts';

/**
 * The judged sets (tests/relevance) as a floor: search must keep finding what a person judged
 * would help, and stay clearly ahead of plain Postgres full-text search on the same rows.
 */
let db: pg.Client;
let reports: RelevanceReport[];

beforeAll(async () => {
  db = await connect(testStack.databaseUrl);
  reports = await runRelevance(scriptConfig({ ...process.env, ...testStack.env }), db);
}, 120_000);
afterAll(() => db.end());

describe.each(['North Lincolnshire ORUK feed', 'Sample data'])('relevance on the %s', (dataset) => {
  const report = () => reports.find((r) => r.dataset === dataset)!;

  it('puts a helpful service in the first five for at least 90 % of the judged queries', () => {
    const { successAt5, misses } = report().signpost;
    expect(successAt5, `missed: ${JSON.stringify(misses)}`).toBeGreaterThanOrEqual(0.9);
  });

  it('ranks the first helpful service high (MRR@10 of at least 0.8)', () => {
    expect(report().signpost.mrrAt10).toBeGreaterThanOrEqual(0.8);
  });

  it('is clearly ahead of a plain Postgres full-text search on the same rows', () => {
    expect(report().signpost.successAt5 - report().baseline.successAt5).toBeGreaterThanOrEqual(0.15);
    expect(report().signpost.mrrAt10 - report().baseline.mrrAt10).toBeGreaterThanOrEqual(0.1);
  });
});
