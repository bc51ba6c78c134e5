import { stepFromPath, type JourneyKind } from './steps.ts';

/** GOV.UK back link: within the journey it moves between steps in memory; before the first step it leaves for the start page. */
export function BackLink({ kind, href, go }: { kind: JourneyKind; href: string; go: (slug: string) => void }) {
  const step = stepFromPath(kind, href);
  return (
    <a
      className="govuk-back-link"
      href={href}
      onClick={(event) => {
        if (!step) return;
        event.preventDefault();
        go(step.slug);
      }}
    >
      Back
    </a>
  );
}
