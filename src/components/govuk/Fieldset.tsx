import type { ReactNode } from 'react';

interface Props {
  legend: ReactNode;
  /** The legend is the page's only heading (one question on the page). */
  isPageHeading?: boolean;
  size?: 'l' | 'm' | 's';
  describedBy?: string | undefined;
  children: ReactNode;
}

export function Fieldset({ legend, isPageHeading, size = 'm', describedBy, children }: Props) {
  return (
    <fieldset className="govuk-fieldset" aria-describedby={describedBy}>
      <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${size}`}>
        {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
      </legend>
      {children}
    </fieldset>
  );
}
