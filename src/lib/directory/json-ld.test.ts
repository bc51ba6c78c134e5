import { describe, expect, it } from 'vitest';
import { scriptSafeJson } from './json-ld.ts';

describe('structured data inside a script element', () => {
  it('cannot be closed early by text in a listing', () => {
    const json = scriptSafeJson({ name: 'Tea </script><script>alert(1)</script> & cake' });
    expect(json).not.toMatch(/<|>|&/);
    expect(JSON.parse(json)).toEqual({ name: 'Tea </script><script>alert(1)</script> & cake' });
  });

  it('escapes the line separators older JavaScript parsers reject', () => {
    const json = scriptSafeJson({ text: 'one\u2028two\u2029three' });
    expect(json).toBe('{"text":"one\\u2028two\\u2029three"}');
    expect(JSON.parse(json)).toEqual({ text: 'one\u2028two\u2029three' });
  });
});
