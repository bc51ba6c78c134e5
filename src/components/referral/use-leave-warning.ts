import { useEffect } from 'react';

export const leaveWarning = 'If you leave now, what you have entered will be lost. It is not saved anywhere until you send it.';

/**
 * Warns before a person leaves a journey part-way: the browser's own prompt when the page would
 * unload (closing the tab, reloading, following a link to another page), and a confirm for links
 * on the page that lead out of the journey.
 */
export function useLeaveWarning(active: boolean, insideJourney: (url: URL) => boolean) {
  useEffect(() => {
    if (!active) return;
    let confirmed = false;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (confirmed) return;
      event.preventDefault();
      event.returnValue = leaveWarning;
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || event.defaultPrevented) return;
      const url = new URL(link.href, location.href);
      if (url.origin === location.origin && insideJourney(url)) return;
      if (url.protocol === 'tel:' || url.protocol === 'sms:' || url.protocol === 'mailto:') return;
      if (confirm(leaveWarning + '\n\nLeave this page?')) confirmed = true;
      else event.preventDefault();
    };
    addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick);
    return () => {
      removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick);
    };
  }, [active, insideJourney]);
}
