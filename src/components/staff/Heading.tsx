import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The screen's heading. When the screen changes it takes focus and names the page, so a
 * screen reader announces where the person is now and keyboard focus is not left behind.
 */
export function Heading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Signpost staff`;
    ref.current?.focus();
  }, [title]);
  return (
    <h1 tabIndex={-1} ref={ref} className="staff-heading">
      {children}
    </h1>
  );
}
