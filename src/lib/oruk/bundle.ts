import { describeIssues } from '../errors.ts';
import { stableUuid } from './stable-id.ts';
import { type Catalogue, type CatalogueTable, catalogueTables, emptyCatalogue } from '../schemas/catalogue.ts';

/** The outcome of mapping one incoming record: its rows, or the reason it was turned away. */
export type MappedRecord =
  | { ok: true; id: string; name: string; catalogue: Catalogue; warnings: string[] }
  | { ok: false; id: string | undefined; name: string | undefined; reason: string };

/**
 * Collects one service's rows, validating each against its table schema as it goes. A bad part
 * (an opening time we cannot read, a phone number that is too short) is dropped with a warning;
 * the service is only rejected when the service row itself is unusable.
 */
export class RecordBundle {
  readonly catalogue: Catalogue = emptyCatalogue();
  readonly warnings: string[] = [];

  add<T extends CatalogueTable>(table: T, input: unknown, what: string): boolean {
    const parsed = catalogueTables[table].safeParse(input);
    if (!parsed.success) {
      this.warnings.push(`${what} left out:\n${describeIssues(parsed.error)}`);
      return false;
    }
    (this.catalogue[table] as unknown[]).push(parsed.data);
    return true;
  }

  warn(message: string): void {
    this.warnings.push(message);
  }
}

/** Ids for parts the publisher gave no id, stable across re-imports so upserts stay idempotent. */
export function childId(parentId: string, kind: string, index: number, given?: string): string {
  return given ?? stableUuid(`${parentId}:${kind}:${index + 1}`);
}

/** Merges many records' rows into one catalogue, later copies of shared rows winning. */
export function mergeCatalogues(parts: Catalogue[]): Catalogue {
  const merged = emptyCatalogue();
  for (const table of Object.keys(merged) as CatalogueTable[]) {
    const byId = new Map<string, unknown>();
    for (const part of parts) for (const row of part[table]) byId.set(row.id, row);
    (merged[table] as unknown[]) = [...byId.values()];
  }
  return merged;
}
