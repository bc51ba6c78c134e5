import type pg from 'pg';
import { buildListings } from '../../src/lib/directory/listing.ts';
import { needsTaxonomyId } from '../../src/lib/directory/listing.ts';
import { catalogueSchema, catalogueTableNames, type CatalogueTable } from '../../src/lib/schemas/catalogue.ts';
import { toServiceDocument, type ServiceDocument } from '../../src/lib/search/documents.ts';

interface DocumentRow {
  id: string;
  parts: Record<CatalogueTable, unknown[]>;
}

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

  private async rows(options: { afterId?: string | null; pageSize?: number; onlyIds?: string[] }): Promise<DocumentRow[]> {
    const { rows } = await this.client.query<DocumentRow>('select id, parts from public.search_documents($1, $2, $3)', [
      options.afterId ?? null,
      options.pageSize ?? 1000,
      options.onlyIds ?? null,
    ]);
    return rows;
  }

  private async documentsOf(rows: DocumentRow[]): Promise<ServiceDocument[]> {
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
    return buildListings(catalogue).map(toServiceDocument);
  }

  /** One page of documents in id order after `afterId`, or the documents of the given ids. */
  async page(options: {
    afterId?: string | null;
    pageSize?: number;
    onlyIds?: string[];
  }): Promise<{ documents: ServiceDocument[]; lastId: string | null }> {
    const rows = await this.rows(options);
    return { documents: await this.documentsOf(rows), lastId: rows.at(-1)?.id ?? null };
  }

  /**
   * Every published service's document, page by page. The next page's query is sent before this
   * page is turned into documents, so Postgres reads one page while Node builds the other.
   */
  async *all(pageSize = 2000): AsyncGenerator<ServiceDocument[]> {
    // The needs taxonomy is read first: once a read-ahead is running, this connection has no room
    // for another query (pg queues it today, and pg 9 will refuse it).
    await this.needs();
    let next: Promise<DocumentRow[]> | null = this.rows({ afterId: null, pageSize });
    while (next) {
      const rows: DocumentRow[] = await next;
      next = rows.length === pageSize ? this.rows({ afterId: rows.at(-1)!.id, pageSize }) : null;
      // A failed read-ahead is reported where it is awaited, not as an unhandled rejection.
      next?.catch(() => {});
      const documents = await this.documentsOf(rows);
      if (documents.length) yield documents;
    }
  }
}
