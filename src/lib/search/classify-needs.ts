import { needsLexicon } from './needs-lexicon.ts';

/**
 * Words as the classifier compares them: lower case, apostrophes dropped ("men's" → "mens"),
 * "and"/"&" dropped, and a plural "s" taken off ("carers" → "carer"), the same on both sides.
 */
export function lexiconTokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’‘`]/g, '')
      .match(/[a-z0-9]+/g) ?? []
  )
    .filter((w) => w !== 'and')
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

interface Hit {
  need: string;
  strong: boolean;
}

const longestPhrase = 5;
const phrases = new Map<string, Hit[]>();
for (const [need, entry] of Object.entries(needsLexicon)) {
  for (const [words, strong] of [
    [entry.strong, true],
    [entry.weak, false],
  ] as const) {
    for (const word of words) {
      const key = lexiconTokens(word).join(' ');
      if (!key) continue;
      const hits = phrases.get(key) ?? [];
      if (!hits.some((h) => h.need === need)) hits.push({ need, strong });
      phrases.set(key, hits);
    }
  }
}

/** Every lexicon phrase found in a text, each counted once. */
function phrasesIn(text: string): Map<string, Hit[]> {
  const tokens = lexiconTokens(text);
  const found = new Map<string, Hit[]>();
  for (let i = 0; i < tokens.length; i++) {
    let key = '';
    for (let n = 0; n < longestPhrase && i + n < tokens.length; n++) {
      key = n === 0 ? tokens[i]! : `${key} ${tokens[i + n]!}`;
      const hits = phrases.get(key);
      if (hits) found.set(key, hits);
    }
  }
  return found;
}

export interface ServiceText {
  name: string;
  /** Names of the categories the feed gave it (e.g. ORUK taxonomy terms), if any. */
  categories?: string[];
  organisation?: string | null;
  description?: string | null;
  /** Who it is for, e.g. "For: Carers, Bereaved". */
  eligibility?: string | null;
}

/**
 * Evidence weights. A strong word in the name or a category says what a service is for; in the
 * description or organisation it needs a second word to back it, because descriptions mention
 * many things in passing ("tea and coffee provided").
 */
const weights = { title: { strong: 2, weak: 1 }, body: { strong: 1, weak: 0.5 } };
const threshold = 2;

/**
 * The Signpost needs a service meets, told from its own words. Used for services whose source
 * did not say (most council ORUK feeds know nothing of Signpost's needs). Returns need codes,
 * strongest evidence first; when nothing reaches the threshold, the single best-supported need.
 */
export function classifyNeeds(service: ServiceText): string[] {
  const scores = new Map<string, number>();
  const add = (text: string | null | undefined, weight: { strong: number; weak: number }) => {
    if (!text) return;
    for (const hits of phrasesIn(text).values())
      for (const hit of hits) scores.set(hit.need, (scores.get(hit.need) ?? 0) + (hit.strong ? weight.strong : weight.weak));
  };
  add(service.name, weights.title);
  for (const category of service.categories ?? []) add(category, weights.title);
  add(service.eligibility, weights.title);
  add(service.organisation, weights.body);
  add(service.description, weights.body);

  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const met = ranked.filter(([, score]) => score >= threshold).map(([need]) => need);
  if (met.length) return met;
  const best = ranked[0];
  return best && best[1] >= 1 ? [best[0]] : [];
}
