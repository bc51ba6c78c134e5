import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('CSV export', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
  ])('writes %j as plain text a spreadsheet will not run', (cell, written) => {
    expect(csvCell(cell)).toBe(written);
  });

  it('leaves ordinary text alone and quotes only where needed', () => {
    expect(csvCell('P1 Surgery')).toBe('P1 Surgery');
    expect(csvCell('Lynn, West and Coast')).toBe('"Lynn, West and Coast"');
    expect(csvCell('The "Lantern" Surgery')).toBe('"The ""Lantern"" Surgery"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('fewer than 5')).toBe('fewer than 5');
  });

  it('writes numbers as numbers, negative ones included, and null as an empty cell', () => {
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(1.67)).toBe('1.67');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
  });

  it('refuses a number that is not finite rather than write nonsense', () => {
    expect(() => csvCell(Number.NaN)).toThrow(RangeError);
  });

  it('joins cells with commas and rows with CRLF, ending with a line break', () => {
    expect(
      toCsv([
        ['Source', 'Referrals'],
        ['GP practice', 12],
        ['Paramedic', 'fewer than 5'],
      ]),
    ).toBe('Source,Referrals\r\nGP practice,12\r\nParamedic,fewer than 5\r\n');
  });
});
