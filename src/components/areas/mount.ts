/**
 * The maps start from their page's own module script (AreasMapMount.astro, ServicesMapMount.astro)
 * instead of an Astro island. The browser finds a page script while it is still reading the HTML,
 * fetches it and everything it imports in one round, and runs it as soon as the page is parsed; an
 * island waits for DOMContentLoaded, then fetches its component, then that component's imports, one
 * round trip after another (about half a second on a slow phone). The page script imports
 * react-dom itself, so the browser asks for it in that same first round.
 *
 * The props are JSON in the element's `data-props` attribute, escaped by Astro like any attribute,
 * so catalogue text stays text. The element's own content (the message for browsers without
 * JavaScript) is replaced by the map.
 */
export function mapElement<Props extends object>(id: string): { element: HTMLElement; props: Props } | null {
  const element = document.getElementById(id);
  const props = element?.dataset['props'];
  return element && props ? { element, props: JSON.parse(props) as Props } : null;
}
