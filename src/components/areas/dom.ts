/** Builds marker contents as DOM nodes, so names from the catalogue are always text, never HTML. */
export function link(className: string, href: string, name: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.className = className;
  a.href = href;
  const label = document.createElement('span');
  label.className = 'visually-hidden';
  label.textContent = name;
  a.append(label);
  return a;
}

export function text(content: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.textContent = content;
  return span;
}
