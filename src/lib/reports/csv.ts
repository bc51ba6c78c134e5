/**
 * CSV for spreadsheets (RFC 4180, CRLF line ends), safe to open in Excel, LibreOffice or Google
 * Sheets: a text cell that starts with = + - @, a tab or a carriage return would be read as a
 * formula (CSV injection), so it gets a leading apostrophe, which spreadsheets show as plain
 * text. Numbers are written as numbers (a negative wellbeing change stays a number); null is an
 * empty cell. Cells with a comma, quote or line break are quoted, quotes doubled.
 */
export type CsvCell = string | number | null;

const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`A CSV cell cannot hold ${value}`);
    return String(value);
  }
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: CsvCell[][]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
