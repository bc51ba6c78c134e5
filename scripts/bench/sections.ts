import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';

/**
 * docs/benchmarks.md is written by `npm run bench`; benchmark commands of their own (such as
 * `npm run bench:referrals`) keep a section in it between two markers, which each rewrite keeps.
 */
export const benchmarksFile = join(import.meta.dirname, '..', '..', 'docs', 'benchmarks.md');

const start = (name: string) => `<!-- section: ${name} -->`;
const end = (name: string) => `<!-- end of section: ${name} -->`;
const sectionPattern = /<!-- section: ([\w:-]+) -->[\s\S]*?<!-- end of section: \1 -->/g;

/** Every kept section in a benchmarks file, as lines to append to a fresh one. */
export function keptSections(markdown: string): string[] {
  return [...markdown.matchAll(sectionPattern)].flatMap((m) => [m[0], '']);
}

/** Puts (or replaces) one section in the benchmarks file, formatted as the repository formats Markdown. */
export async function writeSection(name: string, body: string): Promise<void> {
  const current = existsSync(benchmarksFile) ? readFileSync(benchmarksFile, 'utf8') : '# Benchmarks\n';
  const block = `${start(name)}\n\n${body.trim()}\n\n${end(name)}`;
  const others = current.replace(sectionPattern, (whole, found: string) => (found === name ? '\u0000' : whole));
  const next = others.includes('\u0000') ? others.replace('\u0000', block) : `${others.trimEnd()}\n\n${block}\n`;
  writeFileSync(benchmarksFile, await format(next, { ...(await resolveConfig(benchmarksFile)), parser: 'markdown' }));
}
