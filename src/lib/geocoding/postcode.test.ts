import { describe, expect, it } from 'vitest';
import { normalisePostcode } from './postcode.ts';

describe('normalising a postcode', () => {
  it('accepts any case and spacing and writes it the standard way', () => {
    for (const typed of ['pe30 1ab', 'PE301AB', '  pe30   1ab ', 'Pe30 1aB']) {
      expect(normalisePostcode(typed)).toEqual({
        ok: true,
        value: { postcode: 'PE30 1AB', outcode: 'PE30', district: 'PE30', area: 'PE' },
      });
    }
  });

  it('splits a London sub-district into outcode and district', () => {
    const result = normalisePostcode('sw1a2aa');
    expect(result.ok && result.value).toEqual({ postcode: 'SW1A 2AA', outcode: 'SW1A', district: 'SW1', area: 'SW' });
  });

  it('asks for a postcode when nothing was typed', () => {
    expect(normalisePostcode('   ')).toEqual({ ok: false, error: { code: 'empty', message: 'Enter a postcode' } });
  });

  it('says a postcode only has letters and numbers when it has other characters', () => {
    const result = normalisePostcode('PE30-1AB');
    expect(!result.ok && result.error.code).toBe('invalid_characters');
  });

  it('asks for the whole postcode when only the first part was typed', () => {
    const result = normalisePostcode('pe30');
    expect(!result.ok && result.error).toEqual({
      code: 'outcode_only',
      message: 'Enter the whole postcode, for example PE30 1AB, not just the first part',
    });
  });

  it('asks for a real postcode when the shape is wrong', () => {
    for (const typed of ['hello', '12345', 'PE30 1A', 'PE30 1ABC']) {
      const result = normalisePostcode(typed);
      expect(!result.ok && result.error.code, typed).toBe('malformed');
    }
  });
});
