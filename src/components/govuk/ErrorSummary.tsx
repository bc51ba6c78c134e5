import { useEffect, useRef, type MouseEvent } from 'react';

export interface FieldError {
  /** The id of the input the link moves focus to. */
  href: string;
  text: string;
}

/**
 * GOV.UK error summary: takes focus when it appears so screen readers announce it, and each link
 * moves focus to its field with the field's label or legend scrolled into view (what the
 * govuk-frontend script does, here without it).
 */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((e) => `${e.href}:${e.text}`).join('|');
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [key, errors.length]);
  if (!errors.length) return null;
  const follow = (event: MouseEvent<HTMLAnchorElement>, href: string) => {
    const target = document.getElementById(href.replace(/^#/, ''));
    if (!target) return;
    event.preventDefault();
    const legend = target.closest('fieldset')?.querySelector('legend');
    const label = document.querySelector(`label[for="${CSS.escape(target.id)}"]`);
    (legend ?? label ?? target).scrollIntoView();
    target.focus({ preventScroll: true });
  };
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li key={e.href + e.text}>
                <a href={e.href} onClick={(event) => follow(event, e.href)}>
                  {e.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
