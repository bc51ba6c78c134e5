import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToSafeText } from './html-to-safe-text.ts';

describe('turning publishers’ HTML into safe text', () => {
  it('decodes entities and turns non-breaking spaces into ordinary spaces', () => {
    expect(htmlToSafeText('<p>Drug &amp; Alcohol&nbsp;&nbsp;support &quot;free&quot;</p>')).toBe('Drug & Alcohol support "free"');
  });

  it('drops scripts, styles and every attribute', () => {
    const text = htmlToSafeText('<p style="color:red" onclick="steal()">Hello</p><script>alert(1)</script><style>p{}</style>');
    expect(text).toBe('Hello');
  });

  it('keeps paragraphs, bullet points and where links go', () => {
    const text = htmlToSafeText(
      '<p>Come along.</p><ul><li>Tea</li><li>Cake</li></ul><p><a data-cke-saved-href="x" href="https://example.org/join">Join us</a></p>',
    );
    expect(text).toBe('Come along.\n\n- Tea\n- Cake\n\nJoin us (https://example.org/join)');
  });

  it('treats an empty paragraph as no description at all', () => {
    expect(htmlToSafeText('<p><br></p>')).toBeNull();
  });

  it('leaves no markup in any North Lincolnshire description', () => {
    const services = JSON.parse(
      readFileSync(new URL('../../../../shared/fixtures/oruk/north-lincolnshire-services.json', import.meta.url), 'utf8'),
    ) as { description: string }[];
    for (const service of services) {
      const text = htmlToSafeText(service.description) ?? '';
      expect(text).not.toMatch(/<\/?[a-z][^>]*>/i);
      expect(text).not.toMatch(/&(nbsp|amp|quot|lt|gt|#\d+);/);
    }
  });
});

describe('plain text descriptions', () => {
  it('keeps line breaks in text that has no markup', () => {
    expect(htmlToSafeText('Come along.\n\n- Tea\n- Cake')).toBe('Come along.\n\n- Tea\n- Cake');
  });
});
