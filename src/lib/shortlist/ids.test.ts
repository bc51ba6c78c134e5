import { describe, expect, it } from 'vitest';
import { cleanIds, idsFromUrl, readStored, shareUrl, storageKey } from './ids.ts';

function memoryStorage(value: string | null) {
  return { getItem: (key: string) => (key === storageKey ? value : null) };
}

describe('the shortlist keeps service ids only', () => {
  it('reads ids from an "Add to shortlist" link and from a shared link', () => {
    expect(idsFromUrl('?add=svc-1')).toEqual({ add: ['svc-1'], shared: [] });
    expect(idsFromUrl('?ids=svc-1,svc-2,svc-1')).toEqual({ add: [], shared: ['svc-1', 'svc-2'] });
  });

  it('ignores anything in storage or a link that is not a list of ids', () => {
    expect(readStored(memoryStorage('not json'))).toEqual([]);
    expect(readStored(memoryStorage('{"name":"Ann"}'))).toEqual([]);
    expect(cleanIds(['ok-1', 42, '<script>', 'a b'])).toEqual(['ok-1']);
  });

  it('makes a link that rebuilds the same list in the same order', () => {
    const link = shareUrl('https://signpost.example.org', ['b', 'a']);
    expect(link).toBe('https://signpost.example.org/shortlist/?ids=b%2Ca');
    expect(idsFromUrl(new URL(link).search).shared).toEqual(['b', 'a']);
  });
});
