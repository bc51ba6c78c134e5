import type { Settings } from 'meilisearch';
import type { Listing } from '../directory/listing.ts';
import { monthlySlots, sessionDays, weeklySlots } from './opening.ts';
import { needsLexicon } from './needs-lexicon.ts';
import { meiliSynonyms, stopWords } from './resident-words.ts';

/**
 * What Meilisearch holds for one service: only public listing fields, flattened for search.
 *
 * One document per service. Meilisearch 1.21 allows one `_geo` point per document (several
 * points per document, `_geo_list`, is a later proposal), so `_geo` is the service's first place
 * and every place is carried in `places`: the island shows the distance to the nearest place.
 * Most services meet in one place; one that meets in several towns is usually listed once per
 * town by its source. One document per place with `distinct` would sort on the nearest place but
 * break facet counts and paging, which residents see on every search.
 */
export interface ServiceDocument {
  id: string;
  name: string;
  organisation: string | null;
  summary: string;
  /** The whole description: most of what a service says about itself is past the summary. */
  description: string;
  needs: string[];
  needLabels: string[];
  /** The resident words of the service's needs: taxonomy synonyms and the lexicon's strong words. */
  needWords: string[];
  towns: string[];
  postcodes: string[];
  areas: string[];
  free: boolean;
  days: string[];
  openSlots: number[];
  monthlySlots: string[];
  attending: string[];
  access: string[];
  languages: string[];
  minAge: number;
  maxAge: number;
  status: Listing['status'];
  checked: boolean;
  /** Day the service was last checked by a person, as days since 1970 (0 when never): ties go to the recently checked. */
  checkedDay: number;
  times: string[];
  sessions: Listing['sessions'];
  places: { lat: number; lng: number }[];
  _geo?: { lat: number; lng: number };
}

/** Fields a result card needs; the rest is for matching and filtering only. */
export const displayedAttributes = [
  'id',
  'name',
  'organisation',
  'summary',
  'needLabels',
  'towns',
  'areas',
  'free',
  'status',
  'checked',
  'checkedDay',
  'times',
  'sessions',
  'places',
  'attending',
  '_geo',
] as const;

/**
 * The index as code. Choices:
 * - searchableAttributes, in the order a match there says most about what a service is: its
 *   name; its needs and their resident words; the summary; the organisation; the whole
 *   description; where it is.
 * - rankingRules: Meilisearch's relevance rules first (all words matched, fewest typos, words
 *   close together, matched in an earlier attribute), then an explicit `sort` (distance when a
 *   postcode is given, name when asked), then exactness, then ties go to services a person
 *   checked most recently (checkedDay:desc) rather than to the alphabet.
 * - typoTolerance: off for numbers and postcodes ("DN15" must not match "DN16"); typos allowed
 *   from 4 letters ("fod" is not "food", "benifits" is "benefits").
 * - stopWords and synonyms come from resident-words.ts.
 */
export const serviceIndexSettings = {
  searchableAttributes: ['name', 'needLabels', 'needWords', 'summary', 'organisation', 'description', 'towns', 'areas', 'postcodes'],
  // Only what filters need is built: equality for the codes, days and slots (no range index), a
  // range only for ages, and no facet search (the island shows counts, never searches a facet).
  filterableAttributes: [
    {
      attributePatterns: [
        'needs',
        'areas',
        'towns',
        'free',
        'days',
        'openSlots',
        'monthlySlots',
        'attending',
        'access',
        'languages',
        'status',
        'checked',
      ],
      features: { facetSearch: false, filter: { equality: true, comparison: false } },
    },
    { attributePatterns: ['minAge', 'maxAge'], features: { facetSearch: false, filter: { equality: true, comparison: true } } },
    '_geo',
  ],
  sortableAttributes: ['name', '_geo', 'checkedDay'],
  displayedAttributes: [...displayedAttributes],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'checkedDay:desc'],
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
    disableOnNumbers: true,
    disableOnAttributes: ['postcodes'],
  },
  stopWords,
  synonyms: meiliSynonyms(),
  faceting: { maxValuesPerFacet: 100 },
  facetSearch: false,
  pagination: { maxTotalHits: 2000 },
  // Proximity word by word: "by attribute" indexed only about 10 % faster and ranked the judged
  // queries a little worse (a phrase's words next to each other say more than anywhere in a field).
  proximityPrecision: 'byWord',
} satisfies Settings;

const day = 24 * 60 * 60 * 1000;

export function toServiceDocument(listing: Listing): ServiceDocument {
  const places = listing.locations.flatMap((l) =>
    l.latitude != null && l.longitude != null ? [{ lat: l.latitude, lng: l.longitude }] : [],
  );
  const needWords = new Set<string>();
  for (const need of listing.needs) {
    for (const word of need.synonyms) needWords.add(word);
    for (const word of needsLexicon[need.code]?.strong ?? []) needWords.add(word);
  }
  return {
    id: listing.id,
    name: listing.name,
    organisation: listing.organisation?.name ?? null,
    summary: listing.summary,
    description: listing.paragraphs.join('\n\n'),
    needs: listing.needs.map((n) => n.code),
    needLabels: listing.needs.map((n) => n.label),
    needWords: [...needWords],
    towns: [...new Set(listing.locations.map((l) => l.town).filter((t): t is string => Boolean(t)))],
    postcodes: [...new Set(listing.locations.map((l) => l.postcode).filter((p): p is string => Boolean(p)))],
    areas: listing.areas,
    free: listing.free,
    days: sessionDays(listing.sessions),
    openSlots: weeklySlots(listing.sessions),
    monthlySlots: monthlySlots(listing.sessions),
    attending: listing.attendingTypes,
    access: listing.accessRoutes,
    languages: listing.languages,
    minAge: listing.minimumAge ?? 0,
    maxAge: listing.maximumAge ?? 200,
    status: listing.status,
    checked: listing.assuredDate !== null,
    checkedDay: listing.assuredDate ? Math.floor(Date.parse(listing.assuredDate) / day) : 0,
    times: listing.times,
    sessions: listing.sessions,
    places,
    ...(places[0] ? { _geo: places[0] } : {}),
  };
}
