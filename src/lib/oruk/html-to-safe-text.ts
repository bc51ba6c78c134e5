import { convert } from 'html-to-text';

/**
 * Publishers paste descriptions from word processors and CMS editors: markup, inline styles,
 * `&nbsp;` runs, sometimes scripts. We keep the words and the shape a reader needs (paragraphs,
 * bullet points, link targets) as plain text that is safe to render anywhere, and drop the rest.
 */
export function htmlToSafeText(html: string | null | undefined): string | null {
  if (html == null) return null;
  // Plain text (including our own exports) passes through untouched apart from spacing, so
  // export followed by import gives back the same words and line breaks.
  const text = looksLikeHtml(html)
    ? convert(html, {
        wordwrap: false,
        decodeEntities: true,
        preserveNewlines: false,
        selectors: [
          { selector: 'script', format: 'skip' },
          { selector: 'style', format: 'skip' },
          { selector: 'iframe', format: 'skip' },
          { selector: 'img', format: 'skip' },
          { selector: 'a', options: { hideLinkHrefIfSameAsText: true, linkBrackets: [' (', ')'], ignoreHref: false } },
          { selector: 'h1', options: { uppercase: false } },
          { selector: 'h2', options: { uppercase: false } },
          { selector: 'h3', options: { uppercase: false } },
          { selector: 'h4', options: { uppercase: false } },
          { selector: 'h5', options: { uppercase: false } },
          { selector: 'h6', options: { uppercase: false } },
          { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
          { selector: 'ul', options: { itemPrefix: '- ' } },
        ],
      })
    : html;
  const cleaned = text
    .replace(/\u00a0/g, ' ')
    // Zero-width characters and soft hyphens come from copy-and-paste and break search.
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return cleaned === '' ? null : cleaned;
}

function looksLikeHtml(value: string): boolean {
  return /<\/?[a-z][^>]*>|&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(value);
}
