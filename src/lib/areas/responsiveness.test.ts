import { describe, expect, it } from 'vitest';
import { usualContactText } from './responsiveness.ts';

describe('the usual time to first contact on an area page', () => {
  it('rounds the median up to whole working days', () => {
    expect(usualContactText(2)).toBe('usually contacts you within 2 working days');
    expect(usualContactText(2.5)).toBe('usually contacts you within 3 working days');
  });

  it('says one working day for a same-day or next-day median', () => {
    expect(usualContactText(0)).toBe('usually contacts you within 1 working day');
    expect(usualContactText(0.5)).toBe('usually contacts you within 1 working day');
    expect(usualContactText(1)).toBe('usually contacts you within 1 working day');
  });
});
