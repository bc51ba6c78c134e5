import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type pg from 'pg';
import { buildListings, needsTaxonomyId, type Listing } from '../../src/lib/directory/listing.ts';
import { mergeCatalogues } from '../../src/lib/oruk/bundle.ts';
import { mapOrukV1Service } from '../../src/lib/oruk/v1-to-rows.ts';
import { catalogueSchema, type Catalogue } from '../../src/lib/schemas/catalogue.ts';
import { searchServices, type SearchConnection } from '../../src/lib/search/client.ts';
import { toServiceDocument } from '../../src/lib/search/documents.ts';
import { indexServices, searchAdmin } from './search-admin.ts';
import type { ScriptConfig } from './config.ts';

/**
 * Relevance measured honestly: judged queries run through Signpost's search and through a plain
 * Postgres full-text baseline (websearch_to_tsquery over name, organisation and description) on
 * the same rows in the same run, scored by success@5 and MRR@10.
 */
export interface QueryJudgement {
  query: string;
  /** Whether a service (by id) would help with this query. */
  relevant: (id: string) => boolean;
}

export type Ranker = (query: string) => Promise<string[]>;

export interface Scores {
  successAt5: number;
  mrrAt10: number;
  misses: { query: string; top: string[] }[];
}

export async function score(judgements: QueryJudgement[], rank: Ranker, nameOf: (id: string) => string): Promise<Scores> {
  let successes = 0;
  let reciprocal = 0;
  const misses: Scores['misses'] = [];
  for (const judgement of judgements) {
    const ids = (await rank(judgement.query)).slice(0, 10);
    const first = ids.findIndex(judgement.relevant);
    if (first >= 0 && first < 5) successes++;
    if (first >= 0) reciprocal += 1 / (first + 1);
    if (first < 0 || first >= 5) misses.push({ query: judgement.query, top: ids.slice(0, 5).map(nameOf) });
  }
  return { successAt5: successes / judgements.length, mrrAt10: reciprocal / judgements.length, misses };
}

export const northLincolnshireFixture = resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'fixtures',
  'oruk',
  'north-lincolnshire-services.json',
);

/** The North Lincolnshire feed through the project's own ORUK v1 importer mapping, as listings. */
export async function northLincolnshireListings(db: pg.Client, file = northLincolnshireFixture): Promise<Listing[]> {
  const records = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
  const parts: Catalogue[] = [];
  for (const record of records) {
    const mapped = mapOrukV1Service(record);
    if (mapped.ok) parts.push(mapped.catalogue);
  }
  const needs = (await db.query('select * from public.taxonomy_terms where taxonomy_id = $1', [needsTaxonomyId])).rows;
  const merged = mergeCatalogues([...parts, catalogueSchema.parse({ taxonomy_terms: needs })]);
  return buildListings(merged);
}

/** Indexes listings into their own Meilisearch index (not the live one) and returns how to search it. */
export async function indexForRelevance(config: ScriptConfig, listings: Listing[], index: string): Promise<SearchConnection> {
  await indexServices(searchAdmin(config), listings.map(toServiceDocument), index);
  // The browser's key reaches only the public index; these judged indexes are the script's own.
  return { host: config.PUBLIC_MEILI_HOST, searchKey: config.MEILI_ADMIN_KEY, index };
}

export function signpostRanker(connection: SearchConnection): Ranker {
  return async (query) => (await searchServices(connection, { words: query, limit: 10 })).hits.map((h) => h.id);
}

/** The baseline: the same rows in a temporary table, ranked by ts_rank over websearch_to_tsquery. */
export async function postgresBaseline(db: pg.Client, listings: Listing[], table = 'relevance_baseline'): Promise<Ranker> {
  await db.query(`drop table if exists pg_temp.${table}`);
  await db.query(`create temporary table ${table} (id text primary key, name text, organisation text, description text, doc tsvector)`);
  for (let i = 0; i < listings.length; i += 500) {
    const page = listings.slice(i, i + 500);
    await db.query(
      `insert into pg_temp.${table} (id, name, organisation, description)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
      [
        page.map((l) => l.id),
        page.map((l) => l.name),
        page.map((l) => l.organisation?.name ?? ''),
        page.map((l) => l.paragraphs.join('\n\n')),
      ],
    );
  }
  await db.query(
    `update pg_temp.${table} set doc = to_tsvector('english', coalesce(name, '') || ' ' || coalesce(organisation, '') || ' ' || coalesce(description, ''))`,
  );
  return async (query) =>
    (
      await db.query<{ id: string }>(
        `select id from pg_temp.${table}, websearch_to_tsquery('english', $1) q where doc @@ q order by ts_rank(doc, q) desc, id limit 10`,
        [query],
      )
    ).rows.map((r) => r.id);
}

export interface RelevanceReport {
  dataset: string;
  queries: number;
  services: number;
  signpost: Scores;
  baseline: Scores;
}

/** Both judged sets, Signpost against the baseline, in one run. */
export async function runRelevance(config: ScriptConfig, db: pg.Client): Promise<RelevanceReport[]> {
  const { northLincolnshireJudged } = await import('../../tests/relevance/judged-north-lincolnshire.ts');
  const { sampleJudged } = await import('../../tests/relevance/judged-sample.ts');
  const { loadPublishedCatalogue } = await import('../../src/lib/oruk/load-catalogue.ts');
  const reports: RelevanceReport[] = [];

  const nl = await northLincolnshireListings(db);
  const nlNames = new Map(nl.map((l) => [l.id, l.name]));
  const byPrefix = (prefixes: string[]) => (id: string) => prefixes.some((p) => id.startsWith(p));
  const nlJudgements = northLincolnshireJudged.map((j) => ({ query: j.query, relevant: byPrefix(j.relevant) }));
  const nlConnection = await indexForRelevance(config, nl, 'relevance_north_lincolnshire');
  reports.push({
    dataset: 'North Lincolnshire ORUK feed',
    queries: nlJudgements.length,
    services: nl.length,
    signpost: await score(nlJudgements, signpostRanker(nlConnection), (id) => nlNames.get(id) ?? id),
    baseline: await score(nlJudgements, await postgresBaseline(db, nl, 'relevance_nl'), (id) => nlNames.get(id) ?? id),
  });

  const sample = buildListings(await loadPublishedCatalogue(config.DATABASE_URL));
  const sampleNames = new Map(sample.map((l) => [l.id, l.name]));
  const sampleJudgements = sampleJudged.map((j) => ({
    query: j.query,
    relevant: (id: string) => j.names.some((fragment) => (sampleNames.get(id) ?? '').toLowerCase().includes(fragment.toLowerCase())),
  }));
  const sampleConnection = { host: config.PUBLIC_MEILI_HOST, searchKey: config.PUBLIC_MEILI_SEARCH_KEY };
  reports.push({
    dataset: 'Sample data',
    queries: sampleJudgements.length,
    services: sample.length,
    signpost: await score(sampleJudgements, signpostRanker(sampleConnection), (id) => sampleNames.get(id) ?? id),
    baseline: await score(sampleJudgements, await postgresBaseline(db, sample, 'relevance_sample'), (id) => sampleNames.get(id) ?? id),
  });
  return reports;
}

export function formatRelevance(reports: RelevanceReport[]): string {
  const pct = (n: number) => `${(n * 100).toFixed(0)} %`;
  const lines = [
    '| Data | Queries | Services | Signpost success@5 | Signpost MRR@10 | Postgres FTS success@5 | Postgres FTS MRR@10 |',
    '| --- | --: | --: | --: | --: | --: | --: |',
    ...reports.map(
      (r) =>
        `| ${r.dataset} | ${r.queries} | ${r.services} | ${pct(r.signpost.successAt5)} | ${r.signpost.mrrAt10.toFixed(2)} | ${pct(r.baseline.successAt5)} | ${r.baseline.mrrAt10.toFixed(2)} |`,
    ),
  ];
  return lines.join('\n');
}
