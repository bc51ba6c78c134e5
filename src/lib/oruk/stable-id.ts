import { createHash } from 'node:crypto';
import { Buffer } from 'node:buffer';

/** Signpost's namespace for name-based (version 5) uuids. */
const namespace = Buffer.from('6f3c0f0e9b6a4d1fa1c25a0d3e7b9c41', 'hex');

/**
 * ORUK 3.0 ids are uuids. For parts a publisher gave no id (and for the address and
 * accessibility records we unfold from a location) we derive one from a stable name, so the
 * same part gets the same id on every import and export.
 */
export function stableUuid(name: string): string {
  const hash = createHash('sha1').update(namespace).update(name).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Drops null and undefined values (recursively): ORUK 3.0 types fields as strings, not nullable.
 * A plain loop rather than Object.entries/fromEntries: the ORUK API runs this over every document
 * of every page, where the entries arrays made it most of the mapping's time.
 */
export function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withoutNulls(item)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (v === null || v === undefined) continue;
      // As Object.fromEntries did: a key named __proto__ is an own property, not the prototype.
      if (key === '__proto__')
        Object.defineProperty(out, key, { value: withoutNulls(v), enumerable: true, writable: true, configurable: true });
      else out[key] = withoutNulls(v);
    }
    return out as T;
  }
  return value;
}
