import { describe, expect, it } from 'vitest';
import { sampleData } from '../sample-data/index.ts';
import { mergeCatalogues } from './bundle.ts';
import { toHsdsPage, toHsdsServices } from './export-mapping.ts';
import { mapHsdsService } from './hsds3-to-rows.ts';
import { detectFormat } from './records.ts';

const published = { ...sampleData.catalogue, services: sampleData.catalogue.services.filter((s) => s.published) };

describe('ORUK 3.0 documents from directory rows', () => {
  const documents = toHsdsServices(published);

  it('makes one document per service, sorted by id', () => {
    expect(documents.map((d) => d.id)).toEqual(published.services.map((s) => s.id).sort());
  });

  it('carries how people attend and get in as attributes, and reads them back', () => {
    const withPhone = documents.find((d) => d.attributes?.some((a) => a.taxonomy_term_id === 'attending-phone'))!;
    const mapped = mapHsdsService(withPhone);
    if (!mapped.ok) throw new Error(mapped.reason);
    expect(mapped.catalogue.services[0]?.attending_types).toContain('phone');
  });

  it('gives back the same documents after reading them in again (no database involved)', () => {
    const parts = documents.map((d) => {
      const mapped = mapHsdsService(d);
      if (!mapped.ok) throw new Error(`${d.id}: ${mapped.reason}`);
      return mapped.catalogue;
    });
    // Needs' names live in the database (a migration), so in memory the documents carry no need
    // attributes; the database round trip in tests/integration/catalogue covers those.
    expect(toHsdsServices(mergeCatalogues(parts))).toEqual(documents);
  });

  it('is recognised as ORUK 3.0 by the importer', () => {
    expect(new Set(documents.map((d) => detectFormat(d)))).toEqual(new Set(['hsds-3']));
  });

  it('wraps the whole dataset as a single complete page', () => {
    expect(toHsdsPage(documents)).toMatchObject({
      total_items: documents.length,
      total_pages: 1,
      first_page: true,
      last_page: true,
      empty: false,
    });
  });

  it('names no organisation for a service whose organisation is not public, so the document stays importable', () => {
    const service = published.services.find((s) => s.organization_id)!;
    const withoutItsOrganisation = {
      ...published,
      services: [service],
      organizations: published.organizations.filter((o) => o.id !== service.organization_id),
    };
    const [document] = toHsdsServices(withoutItsOrganisation);
    expect(document?.organization_id).toBeUndefined();
    expect(document?.organization).toBeUndefined();
  });
});
