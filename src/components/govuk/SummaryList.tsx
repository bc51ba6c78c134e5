import type { ReactNode } from 'react';

export interface SummaryRow {
  key: string;
  value: ReactNode;
  /** Where "Change" goes, with what it changes for screen readers. */
  change?: { onClick: () => void; href: string; what: string };
}

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map((row) => (
        <div className="govuk-summary-list__row" key={row.key}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.change && (
            <dd className="govuk-summary-list__actions">
              <a
                className="govuk-link"
                href={row.change.href}
                onClick={(event) => {
                  event.preventDefault();
                  row.change?.onClick();
                }}
              >
                Change<span className="govuk-visually-hidden"> {row.change.what}</span>
              </a>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
