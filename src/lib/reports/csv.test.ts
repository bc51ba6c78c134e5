import fc from 'fast-check';
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

/** An RFC 4180 reader, to read back what toCsv wrote: quoted cells may hold commas, quotes and line breaks. */
function readCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted && c === '"' && csv[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ',' && !(c === '\r' && csv[i + 1] === '\n'))) cell += c;
    else if (c === ',') endCell();
    else {
      endCell();
      rows.push(row);
      row = [];
      i++;
    }
  }
  return rows;
}

describe('CSV export, whatever the cells hold', () => {
  const hostileText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('=1+1', '+cmd|" /C calc"!A0', '-2+3', '@SUM(A1)', '\t=1', '\r\n=1', '"', '","', '\r\n', 'a,b', '<script>x</script>'),
  );
  const cell = fc.oneof(hostileText, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null));

  it('reads back as the same rows, each text cell as written or with one apostrophe before a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const read = readCsv(toCsv(rows));
        expect(read).toHaveLength(rows.length);
        rows.forEach((row, r) =>
          row.forEach((value, c) => {
            const back = read[r]![c]!;
            if (value === null) expect(back).toBe('');
            else if (typeof value === 'number') expect(Number(back)).toBe(value === 0 ? 0 : value);
            else expect(back).toBe(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
          }),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('never lets a spreadsheet read a text cell as a formula', () => {
    fc.assert(
      fc.property(hostileText, (value) => {
        const [[back]] = readCsv(toCsv([[value]])) as [[string]];
        expect(back).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 1000 },
    );
  });
});
