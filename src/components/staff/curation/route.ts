import { useEffect, useState } from 'react';

/** The `#curation…` route the address asks for, or null on any other screen; follows the address as it changes. */
export function useCurationRoute(): string[] | null {
  const read = () => (window.location.hash.startsWith('#curation') ? window.location.hash.slice(1).split('/') : null);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onHash = () => setRoute(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}
