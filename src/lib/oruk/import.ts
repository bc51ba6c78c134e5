import { basename } from 'node:path';
import { type MappedRecord, mergeCatalogues } from './bundle.ts';
import { writeCatalogue } from './catalogue-writer.ts';
import { connect } from './db.ts';
import { readSource } from './read-source.ts';
import { mapRecord, recordsIn, type SourceFormat } from './records.ts';

export type Rejection = { position: number; id: string | undefined; name: string | undefined; reason: string };
export type ImportReport = {
  source: string;
  total: number;
  imported: number;
  rejected: Rejection[];
  warnings: { id: string; name: string; messages: string[] }[];
  formats: Partial<Record<SourceFormat, number>>;
};

/**
 * Imports ORUK v1 (list, detail or paged) or ORUK 3.0 services from a file or URL into the
 * database, upserting by id. A record is rejected only when it cannot be a listing (no id, no
 * name, not a service, the same id twice, or the database refuses it); every rejection is
 * reported with its reason and the rest carry on. imported + rejected = records in the source.
 */
export async function importOruk(databaseUrl: string, source: string, document?: unknown): Promise<ImportReport> {
  const records = recordsIn(document ?? (await readSource(source)));
  const report: ImportReport = { source, total: records.length, imported: 0, rejected: [], warnings: [], formats: {} };
  const seen = new Set<string>();
  const accepted: (MappedRecord & { ok: true; position: number })[] = [];
  records.forEach((record, index) => {
    const mapped = mapRecord(record);
    report.formats[mapped.format] = (report.formats[mapped.format] ?? 0) + 1;
    const position = index + 1;
    if (!mapped.ok) {
      report.rejected.push({ position, id: mapped.id, name: mapped.name, reason: mapped.reason });
      return;
    }
    if (seen.has(mapped.id)) {
      report.rejected.push({ position, id: mapped.id, name: mapped.name, reason: 'the same id appears earlier in this source' });
      return;
    }
    seen.add(mapped.id);
    accepted.push({ ...mapped, position });
  });

  const client = await connect(databaseUrl);
  try {
    await client.query('begin');
    await client.query(`select set_config('signpost.actor', $1, true)`, [`import:${basename(source)}`]);
    const { failures } = await writeCatalogue(client, mergeCatalogues(accepted.map((a) => a.catalogue)));
    await client.query('commit');
    const refused = new Map(failures.filter((f) => f.table === 'services').map((f) => [f.id, f.message]));
    for (const a of accepted) {
      const refusal = refused.get(a.id);
      if (refusal) {
        report.rejected.push({ position: a.position, id: a.id, name: a.name, reason: `the database refused it: ${refusal}` });
        continue;
      }
      report.imported++;
      const messages = [
        ...a.warnings,
        ...failures.filter((f) => f.serviceId === a.id && f.table !== 'services').map((f) => `${f.table} ${f.id} left out: ${f.message}`),
      ];
      if (messages.length) report.warnings.push({ id: a.id, name: a.name, messages });
    }
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  report.rejected.sort((x, y) => x.position - y.position);
  return report;
}

export function formatReport(report: ImportReport): string {
  const lines = [
    `Read ${report.total} services from ${report.source} (${
      Object.entries(report.formats)
        .map(([f, n]) => `${n} ${f}`)
        .join(', ') || 'none'
    }).`,
    `Imported ${report.imported}, rejected ${report.rejected.length}${report.imported + report.rejected.length === report.total ? '' : ' (COUNTS DO NOT ADD UP)'}.`,
  ];
  for (const r of report.rejected) lines.push(`  rejected #${r.position} ${r.id ?? '(no id)'} ${r.name ? `"${r.name}"` : ''}: ${r.reason}`);
  const warned = report.warnings.reduce((sum, w) => sum + w.messages.length, 0);
  if (warned) lines.push(`${warned} warnings on ${report.warnings.length} imported services (parts left out or repaired):`);
  for (const w of report.warnings.slice(0, 20)) lines.push(`  ${w.id} "${w.name}": ${w.messages.join('; ').replace(/\n/g, ' ')}`);
  if (report.warnings.length > 20) lines.push(`  …and ${report.warnings.length - 20} more (use --verbose to list them all)`);
  return lines.join('\n');
}
