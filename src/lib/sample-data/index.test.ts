import { describe, expect, it } from 'vitest';
import { sampleAreas } from './areas.ts';
import { buildSampleData, sampleData } from './index.ts';

const { catalogue, places } = sampleData;

describe('the fictional sample data', () => {
  it('is the same every time it is built', () => {
    expect(JSON.stringify(buildSampleData())).toBe(JSON.stringify(sampleData));
  });

  it('has at least 300 services, about 40 practices and the nine PCNs of the five areas', () => {
    expect(catalogue.services.length).toBeGreaterThanOrEqual(300);
    expect(places.practices.length).toBeGreaterThanOrEqual(36);
    expect(places.practices.length).toBeLessThanOrEqual(45);
    expect(places.pcns.map((p) => p.name)).toContain('Teesdale PCN');
    expect(places.pcns).toHaveLength(9);
  });

  it('covers every need in every area', () => {
    const areaOf = new Map(catalogue.service_areas.map((a) => [a.service_id, a.name]));
    const townsByArea = new Map(sampleAreas.map((a) => [a.name, new Set([a.name, ...a.pcns.flatMap((p) => p.towns.map((t) => t.name))])]));
    for (const [areaName, names] of townsByArea) {
      const needs = new Set(
        catalogue.service_taxonomies.filter((l) => names.has(areaOf.get(l.service_id) ?? '')).map((l) => l.taxonomy_term_id),
      );
      expect([areaName, needs.size]).toEqual([areaName, 14]);
    }
  });

  it('includes inactive, closed, draft, stale and never-verified listings', () => {
    const statuses = new Set(catalogue.services.map((s) => s.status));
    expect(statuses).toEqual(new Set(['active', 'inactive', 'defunct', 'temporarily closed']));
    expect(catalogue.services.some((s) => !s.published)).toBe(true);
    expect(catalogue.services.some((s) => s.assured_date === null)).toBe(true);
    expect(catalogue.services.some((s) => s.assured_date !== null && s.assured_date < '2025-11-01')).toBe(true);
  });

  it('gives every drop-in service a place with a postcode and coordinates', () => {
    const placed = new Set(catalogue.service_at_locations.map((p) => p.service_id));
    const dropIns = catalogue.services.filter((s) => s.access_routes.includes('drop in'));
    expect(dropIns.length).toBeGreaterThan(100);
    expect(dropIns.filter((s) => !placed.has(s.id)).map((s) => s.name)).toEqual([]);
    for (const l of catalogue.locations) {
      expect(l.postal_code).toMatch(/^[A-Z]{1,2}\d{1,2} \d[A-Z]{2}$/);
      expect(l.latitude).not.toBeNull();
    }
  });

  it('uses only fictional phone numbers and example web addresses', () => {
    for (const p of catalogue.phones) expect(p.number).toMatch(/^(01632 96|07700 900)/);
    for (const s of catalogue.services) expect(new URL(s.url ?? 'https://x.example.org').hostname).toMatch(/example\.org$/);
  });

  it('puts each PCN’s practices inside that PCN’s boundary box', () => {
    for (const practice of places.practices) {
      const pcn = places.pcns.find((p) => p.id === practice.pcn_id);
      const ring = pcn?.boundary?.type === 'Polygon' ? (pcn.boundary.coordinates[0] ?? []) : [];
      const lngs = ring.map((c) => c[0]);
      const lats = ring.map((c) => c[1]);
      expect(practice.longitude).toBeGreaterThan(Math.min(...lngs));
      expect(practice.longitude).toBeLessThan(Math.max(...lngs));
      expect(practice.latitude).toBeGreaterThan(Math.min(...lats));
      expect(practice.latitude).toBeLessThan(Math.max(...lats));
    }
  });
});
