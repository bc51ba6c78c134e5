import { useCallback, useEffect, useState } from 'react';
import { checkSlug, journeys, stepFromPath, stepPath, type JourneyKind, type Step } from './steps.ts';

interface Position {
  step: Step;
  /** The person reached this step from a Change link on "check your answers". */
  fromCheck: boolean;
}

/** Where the page was built for: the first render, on the server and in the browser alike. */
function built(kind: JourneyKind, slug: string): Position {
  return { step: journeys[kind].steps.find((s) => s.slug === slug) ?? journeys[kind].steps[0]!, fromCheck: false };
}

function read(kind: JourneyKind): Position {
  const step = stepFromPath(kind, location.pathname) ?? journeys[kind].steps[0]!;
  const state = history.state as { fromCheck?: boolean } | null;
  return { step, fromCheck: Boolean(state?.fromCheck) && step.slug !== checkSlug };
}

/**
 * Moves between question pages with the History API: each step gets its own address,
 * Back and Forward work, and the answers stay in memory (never in browser storage). After a step
 * changes, focus moves to its heading so a screen reader starts reading the new question.
 */
export function useJourneyHistory(kind: JourneyKind, pageSlug: string) {
  // The page is rendered on the server for its own step, so the question shows before the script
  // wakes; the browser's first render must match it, then the address and history state take over.
  const [position, setPosition] = useState<Position>(() => built(kind, pageSlug));
  const [moves, setMoves] = useState(0);

  useEffect(() => setPosition(read(kind)), [kind]);

  useEffect(() => {
    const onPop = () => {
      setPosition(read(kind));
      setMoves((n) => n + 1);
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, [kind]);

  useEffect(() => {
    if (moves === 0) return;
    const heading = document.querySelector<HTMLElement>('#main h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
    scrollTo(0, 0);
  }, [moves, position.step]);

  const go = useCallback(
    (slug: string, options: { fromCheck?: boolean; replace?: boolean } = {}) => {
      const url = stepPath(kind, slug) + location.search;
      const state = { fromCheck: Boolean(options.fromCheck) };
      if (options.replace) history.replaceState(state, '', url);
      else history.pushState(state, '', url);
      setPosition(read(kind));
      setMoves((n) => n + 1);
    },
    [kind],
  );

  return { ...position, go };
}
