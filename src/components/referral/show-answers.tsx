import type { DateParts } from '../govuk/DateInput.tsx';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "27 March 1958" from what was typed; as typed when it is not a date (the form has checked it by then). */
export function formatDateParts({ day, month, year }: DateParts): string {
  const name = months[Number(month) - 1];
  return name ? `${Number(day)} ${name} ${year.trim()}` : [day, month, year].join('/');
}

/** Lines of text as separate lines, never as HTML. */
export function lines(items: readonly string[]) {
  const shown = items.filter((i) => i.trim() !== '');
  return (
    <>
      {shown.map((item, index) => (
        <span key={index}>
          {index > 0 && <br />}
          {item}
        </span>
      ))}
    </>
  );
}
