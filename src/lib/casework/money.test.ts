import { describe, expect, it } from 'vitest';
import { formatPounds, parsePounds } from './money.ts';

describe('reading an amount of money as typed', () => {
  it.each([
    ['45', 4500],
    ['45.00', 4500],
    ['£45', 4500],
    ['£45.5', 4550],
    [' £ 0.99 ', 99],
    ['£1,250.00', 125000],
    ['100000', 10_000_000],
  ])('reads %j as %i pence', (typed, pence) => {
    expect(parsePounds(typed)).toEqual({ ok: true, pence });
  });

  it.each([
    ['', 'Enter the amount, for example £45 or £45.00'],
    ['-3', 'Enter the amount as a positive amount, for example £45.00'],
    ['45.123', 'Enter the amount with no more than 2 digits after the point, for example £45.50'],
    ['forty', 'Enter the amount in pounds and pence, like £45 or £45.00, using only numbers'],
    ['4 5', 'Enter the amount in pounds and pence, like £45 or £45.00, using only numbers'],
    ['1,25', 'Enter the amount in pounds and pence, like £45 or £45.00, using only numbers'],
    ['0.00', 'Enter the amount more than £0'],
    ['100000.01', 'Enter the amount of £100,000 or less'],
  ])('refuses %j saying %j', (typed, message) => {
    expect(parsePounds(typed)).toEqual({ ok: false, message });
  });

  it('never rounds: every whole number of pence up to £1,000 reads back exactly', () => {
    for (let pence = 1; pence <= 100_000; pence += 7) expect(parsePounds((pence / 100).toFixed(2))).toEqual({ ok: true, pence });
  });
});

describe('showing an amount of money', () => {
  it('shows pounds and two digits of pence', () => {
    expect([formatPounds(4500), formatPounds(5), formatPounds(125000)]).toEqual(['£45.00', '£0.05', '£1,250.00']);
  });

  it('refuses a fraction of a penny rather than hide it', () => {
    expect(() => formatPounds(45.5)).toThrow();
  });
});
