/**
 * How residents actually ask, kept as data. Three kinds:
 *
 * - `residentPhrases`: whole situations or feelings ("can't pay my rent") rewritten, before the
 *   search, into the words services use about themselves. Applied to the query by
 *   `prepareQuery`, and to the index because every document carries its needs' resident words
 *   (documents.ts), so a phrase's words meet the services of its need.
 * - `synonymGroups`: words that mean the same to a resident; every word of a group finds the
 *   others (Meilisearch synonyms, query side; the index side holds the need words).
 * - `stopWords`: words that say nothing about what is wanted ("someone", "my", "near"). They are
 *   ignored in queries and documents alike, so they never sink results or decide the ranking.
 *
 * Nothing here may name a particular service, organisation or place.
 */
export interface ResidentPhrase {
  says: string[];
  means: string;
}

export const residentPhrases: ResidentPhrase[] = [
  {
    says: ['someone to talk to', 'somebody to talk to', 'talk to someone', 'talk to somebody', 'need to talk', 'want to talk', 'a chat'],
    means: 'talk listening emotional support',
  },
  {
    says: [
      "can't pay my rent",
      'cant pay my rent',
      "can't pay rent",
      'cant pay rent',
      'behind on rent',
      'behind with rent',
      'rent arrears',
    ],
    means: 'rent debt advice',
  },
  {
    says: [
      "can't pay my bills",
      'cant pay my bills',
      "can't pay bills",
      'cant pay bills',
      'behind on bills',
      'in debt',
      'owe money',
      'skint',
      'broke',
    ],
    means: 'debt advice money',
  },
  {
    says: ["can't afford food", 'cant afford food', 'no food', 'nothing to eat', 'need food', 'hungry', 'food parcel', 'free food'],
    means: 'food bank pantry',
  },
  {
    says: [
      'my partner drinks',
      'partner drinks',
      'husband drinks',
      'wife drinks',
      'dad drinks',
      'mum drinks',
      'drinks too much',
      'drinking too much',
      'drink problem',
      'drinking problem',
    ],
    means: 'alcohol drugs support',
  },
  { says: ['mens shed', "men's shed", 'mens sheds', "men's sheds", 'man shed'], means: 'men sheds' },
  { says: ['feeling low', 'feel low', 'feeling down', 'feel down', 'feeling sad', 'fed up'], means: 'low mood mental health' },
  {
    says: ['on my own', 'by myself', 'no friends', 'no one to talk to', 'nobody to talk to', 'feel alone', 'feeling alone'],
    means: 'lonely befriending',
  },
  {
    says: ['lost my wife', 'lost my husband', 'lost my mum', 'lost my dad', 'lost my partner', 'someone died', 'passed away'],
    means: 'bereavement',
  },
  {
    says: ['look after my mum', 'look after my dad', 'look after my wife', 'look after my husband', 'caring for', 'looking after'],
    means: 'carer',
  },
  { says: ['keep warm', 'cold house', "can't heat", 'cant heat', 'heating bills', 'somewhere warm', 'warm room'], means: 'warm space' },
  { says: ['get fit', 'get active', 'lose weight', 'keep active', 'get out more', 'get moving'], means: 'exercise fitness' },
  { says: ['get a job', 'find work', 'find a job', 'looking for work', 'back to work', 'out of work'], means: 'employment job' },
  { says: ['getting online', 'use a computer', 'use my phone', 'use the internet', 'fill in forms online'], means: 'digital computer' },
  { says: ['memory problems', 'memory loss', 'forgetting things', 'losing my memory'], means: 'dementia memory' },
  {
    says: ['nowhere to live', 'nowhere to stay', 'sleeping rough', 'kicked out', 'losing my home', 'being evicted'],
    means: 'homeless housing',
  },
  { says: ['new mum', 'new baby', 'first baby', 'pregnant'], means: 'baby parents' },
];

export const synonymGroups: string[][] = [
  ['bereavement', 'grief', 'bereaved', 'grieving'],
  ['carer', 'carers', 'caring for someone', 'looking after someone'],
  ['lonely', 'loneliness', 'isolated', 'isolation'],
  ['foodbank', 'food bank'],
  ['pantry', 'larder'],
  ['benefits', 'benefit', 'universal credit', 'welfare'],
  ['advice', 'advise', 'guidance'],
  ['debt', 'debts', 'arrears'],
  ['counselling', 'counseling', 'therapy'],
  ['anxiety', 'anxious', 'worry', 'worried'],
  ['depression', 'depressed', 'low mood'],
  ['alcohol', 'drinking', 'drink'],
  ['drugs', 'drug', 'substance'],
  ['exercise', 'fitness', 'keep fit', 'workout'],
  ['walking', 'walk', 'walks', 'stroll', 'rambling'],
  ['dementia', 'alzheimers', 'memory loss'],
  ['volunteering', 'volunteer'],
  ['job', 'jobs', 'employment', 'work'],
  ['homeless', 'homelessness', 'rough sleeping'],
  ['coffee morning', 'coffee mornings', 'cuppa'],
  ['warm space', 'warm hub', 'warm spaces', 'warm hubs', 'warm place', 'warm welcome'],
  ['kids', 'children', 'child'],
  ['mum', 'mother', 'mom'],
  ['dad', 'father'],
  ['baby', 'babies', 'infant'],
  ['elderly', 'older people', 'over 60s', 'pensioners'],
  ['computer', 'computers', 'laptop', 'digital'],
  ['craft', 'crafts', 'crafting'],
  ['singing', 'choir', 'sing'],
  ['gardening', 'garden', 'allotment'],
  ['suicide', 'suicidal'],
  ['learn', 'learning', 'learners'],
  ['class', 'classes', 'lessons', 'course', 'courses'],
  ['shed', 'sheds'],
];

export const stopWords: string[] = [
  'a',
  'an',
  'the',
  'my',
  'me',
  'i',
  'im',
  "i'm",
  'we',
  'our',
  'us',
  'you',
  'your',
  'someone',
  'somebody',
  'something',
  'somewhere',
  'anyone',
  'anything',
  'anywhere',
  'some',
  'any',
  'near',
  'nearby',
  'local',
  'around',
  'to',
  'for',
  'of',
  'in',
  'on',
  'at',
  'by',
  'with',
  'and',
  'or',
  'is',
  'am',
  'are',
  'be',
  'can',
  'could',
  'do',
  'does',
  'get',
  'need',
  'needs',
  'want',
  'wants',
  'looking',
  'find',
  'where',
  'what',
  'how',
  'who',
  'there',
  'please',
  'just',
  'really',
  'very',
  'about',
  'like',
  'help',
];

const stopWordSet = new Set(stopWords);

function normalise(text: string): string {
  return text.toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();
}

const phraseTable = residentPhrases
  .flatMap((p) => p.says.map((says) => ({ says: normalise(says), means: p.means })))
  // Longest first, so "can't pay my rent" wins over a shorter phrase inside it.
  .sort((a, b) => b.says.length - a.says.length);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phrasePatterns = phraseTable.map((p) => ({ pattern: new RegExp(`(^|[^a-z'])${escape(p.says)}(?![a-z])`, 'g'), means: p.means }));

/**
 * A resident's words ready for the engine: resident phrases rewritten into the words services
 * use (the phrase's meaning first, so Meilisearch's "last" matching strategy drops the words
 * around it before the meaning itself).
 */
export function prepareQuery(text: string): string {
  let query = normalise(text);
  const meanings: string[] = [];
  for (const { pattern, means } of phrasePatterns) {
    if (!pattern.test(query)) continue;
    pattern.lastIndex = 0;
    meanings.push(means);
    query = query.replace(pattern, '$1 ');
  }
  const words = [...meanings, query]
    .join(' ')
    .replace(/[^\p{L}\p{N}'\- ]/gu, ' ')
    .split(' ')
    .filter(Boolean);
  // Stop words go here as well as in the index: Meilisearch reads the last word as a prefix, so a
  // trailing "help" would otherwise match "helpline" and "helpful" and decide the ranking.
  const meaningful = words.filter((w) => !stopWordSet.has(w));
  return (meaningful.length ? meaningful : words).join(' ');
}

/** The synonym groups as Meilisearch's mutual synonyms setting. */
export function meiliSynonyms(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of synonymGroups)
    for (const word of group) out[word] = [...new Set([...(out[word] ?? []), ...group.filter((w) => w !== word)])];
  return out;
}
