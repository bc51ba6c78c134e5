import { describe, expect, it } from 'vitest';
import { stableUuid, withoutNulls } from './stable-id.ts';

describe('withoutNulls', () => {
  it('drops null and undefined values at every depth and keeps everything else in order', () => {
    const value = { b: 1, a: null, c: [{ x: undefined, y: '' }, null, 0], d: { e: false, f: null } };
    const cleaned = withoutNulls(value);
    expect(cleaned).toEqual({ b: 1, c: [{ y: '' }, null, 0], d: { e: false } });
    expect(Object.keys(cleaned)).toEqual(['b', 'c', 'd']);
  });

  it('keeps a key named __proto__ as data, never as the prototype', () => {
    const cleaned = withoutNulls(JSON.parse('{"__proto__": {"polluted": true}, "name": "x"}') as Record<string, unknown>);
    expect(Object.getPrototypeOf(cleaned)).toBe(Object.prototype);
    expect(JSON.stringify(cleaned)).toBe('{"__proto__":{"polluted":true},"name":"x"}');
  });
});

describe('stableUuid', () => {
  it('gives the same version 5 uuid for the same name, and another for another name', () => {
    expect(stableUuid('place-1:address')).toBe(stableUuid('place-1:address'));
    expect(stableUuid('place-1:address')).not.toBe(stableUuid('place-2:address'));
    expect(stableUuid('place-1:address')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
