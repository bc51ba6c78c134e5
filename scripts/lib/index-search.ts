import { connect } from '../../src/lib/oruk/db.ts';
import type { ScriptConfig } from './config.ts';
import { DocumentReader } from './search-documents.ts';
import { rebuildIndex, searchAdmin } from './search-admin.ts';

/**
 * Rebuilds the search index from what the public may see (read as the anon role, so row level
 * security decides), then drops the outbox entries the rebuild has covered. The outbox is looked
 * at through a snapshot taken before reading: only entries committed before the rebuild started
 * are removed, so a change committed during the rebuild stays for the indexer.
 */
export async function indexSearch(config: ScriptConfig): Promise<{ services: number }> {
  const admin = await connect(config.DATABASE_URL);
  const reader = await connect(config.DATABASE_URL);
  try {
    await admin.query('begin isolation level repeatable read');
    await admin.query('select count(*) from public.search_outbox'); // takes the snapshot now
    const documents = new DocumentReader(reader);
    await documents.actAsPublic();
    const services = await rebuildIndex(searchAdmin(config), documents.all());
    try {
      await admin.query('delete from public.search_outbox');
      await admin.query('commit');
    } catch {
      // The indexer removed some of the same entries meanwhile; what is left is still correct.
      await admin.query('rollback');
    }
    return { services };
  } finally {
    await Promise.all([admin.end(), reader.end()]);
  }
}
