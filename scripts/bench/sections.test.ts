import { describe, expect, it } from 'vitest';
import { keptSections } from './sections.ts';

describe('benchmark sections kept across npm run bench', () => {
  it('keeps each marked section whole and drops the rest of the file', () => {
    const file = [
      '# Benchmarks',
      '',
      '## 1,000 services',
      '| a | b |',
      '<!-- section: bench:referrals -->',
      '',
      '## Referral submission',
      'figures',
      '',
      '<!-- end of section: bench:referrals -->',
      'trailing',
    ].join('\n');
    expect(keptSections(file)).toEqual([
      '<!-- section: bench:referrals -->\n\n## Referral submission\nfigures\n\n<!-- end of section: bench:referrals -->',
      '',
    ]);
  });

  it('keeps nothing from a file without sections', () => {
    expect(keptSections('# Benchmarks\n\n## 1,000 services\n')).toEqual([]);
  });
});
