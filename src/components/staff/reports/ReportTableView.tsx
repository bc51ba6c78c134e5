import { toCsv, type CsvCell } from '../../../lib/reports/csv.ts';
import type { ReportTable } from '../../../lib/reports/tables.ts';
import { BarChart } from './BarChart.tsx';

const cellText = (cell: CsvCell) => (cell === null ? '' : typeof cell === 'number' ? cell.toLocaleString('en-GB') : cell);

/** Saves the table, as shown, as a CSV file (built in the browser: aggregates only, nothing stored). */
function download(table: ReportTable, period: { from: string; to: string }) {
  const blob = new Blob([toCsv([table.head, ...table.rows])], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `signpost-${table.id}-${period.from}-to-${period.to}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** One section of the report: heading, what it counts, the chart (if any), the table, and its CSV download. */
export function ReportTableView({ table, period }: { table: ReportTable; period: { from: string; to: string } }) {
  return (
    <section className="report-section" aria-labelledby={`report-${table.id}`}>
      <h2 id={`report-${table.id}`}>{table.title}</h2>
      <p>{table.description}</p>
      {table.chart && <BarChart title={table.title} {...table.chart} />}
      <div className="report-table-wrap">
        <table className="report-table" id={`report-${table.id}-table`}>
          <caption className="visually-hidden">{table.title}</caption>
          <thead>
            <tr>
              {table.head.map((h, i) => (
                <th key={h} scope="col" className={table.rows.some((row) => typeof row[i] === 'number') ? 'numeric' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {cellText(cell)}
                    </th>
                  ) : (
                    <td key={i} className={typeof cell === 'number' ? 'numeric' : undefined}>
                      {cellText(cell)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <button type="button" className="button secondary" onClick={() => download(table, period)}>
          Download {table.title.toLowerCase()} as CSV
        </button>
      </p>
    </section>
  );
}
