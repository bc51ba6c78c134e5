import type pg from 'pg';
import { buildListings } from '../../src/lib/directory/listing.ts';
import { needsTaxonomyId } from '../../src/lib/directory/listing.ts';
import { catalogueSchema, catalogueTableNames, type CatalogueTable } from '../../src/lib/schemas/catalogue.ts';
import { toServiceDocument, type ServiceDocument } from '../../src/lib/search/documents.ts';

/**
 * Reads search documents from Postgres as the public sees them: the connection takes the anon
 * role, so row level security decides what becomes searchable, exactly as for the static pages.
 * One query per page of services (public.search_documents returns each service with its parts).
 */
export class DocumentReader {
  private needTerms: unknown[] | undefined;
  private readonly client: pg.Client;

  constructor(client: pg.Client) {
    this.client = client;
  }

  /** Switches the connection to the anon role; call once after connecting. */
  async actAsPublic(): Promise<void> {
    await this.client.query('set role anon');
  }

  private async needs(): Promise<unknown[]> {
    this.needTerms ??= (await this.client.query('select * from public.taxonomy_terms where taxonomy_id = $1', [needsTaxonomyId])).rows;
    return this.needTerms;
  }

  /** Forgets the cached needs taxonomy (its wording may have changed). */
  refreshNeeds(): void {
    this.needTerms = undefined;
  }

  /** One page of documents in id order after `afterId`, or the documents of the given ids. */
  async page(options: {
    afterId?: string | null;
    pageSize?: number;
    onlyIds?: string[];
  }): Promise<{ documents: ServiceDocument[]; lastId: string | null }> {
    const { rows } = await this.client.query<{ id: string; parts: Record<CatalogueTable, unknown[]> }>(
      'select id, parts from public.search_documents($1, $2, $3)',
      [options.afterId ?? null, options.pageSize ?? 1000, options.onlyIds ?? null],
    );
    const tables = Object.fromEntries(catalogueTableNames.map((t) => [t, [] as unknown[]])) as Record<CatalogueTable, unknown[]>;
    const seen = new Map<CatalogueTable, Set<string>>();
    const add = (table: CatalogueTable, row: unknown) => {
      const id = (row as { id: string }).id;
      const ids = seen.get(table) ?? new Set<string>();
      seen.set(table, ids);
      if (ids.has(id)) return;
      ids.add(id);
      tables[table].push(row);
    };
    for (const row of rows) for (const table of catalogueTableNames) for (const part of row.parts[table] ?? []) add(table, part);
    for (const term of await this.needs()) add('taxonomy_terms', term);
    const catalogue = catalogueSchema.parse(tables);
    return { documents: buildListings(catalogue).map(toServiceDocument), lastId: rows.at(-1)?.id ?? null };
  }

  /** Every published service's document, page by page. */
  async *all(pageSize = 2000): AsyncGenerator<ServiceDocument[]> {
    for (let afterId: string | null = null; ;) {
      const { documents, lastId } = await this.page({ afterId, pageSize });
      if (documents.length) yield documents;
      if (lastId === null) return;
      afterId = lastId;
    }
  }
}
