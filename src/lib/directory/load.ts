import { supabaseClient } from '../supabase.ts';
import { sampleData } from '../sample-data/index.ts';
import { buildListings, type Listing } from './listing.ts';
import { readRangeOnce } from './range-cache.ts';
import { DirectoryReadError, publishedServiceRanges, type ServiceRange } from './read-pages.ts';
import { type ListingSummary, summarise } from './summary.ts';

export interface Need {
  code: string;
  label: string;
  name: string;
  description: string | null;
}

/** Everything a build needs to lay out the directory's pages, without any service's full details. */
export interface DirectoryIndex {
  /** Published services in name order. */
  entries: ListingSummary[];
  /** Which range of the directory holds each service, so its page can read just that range. */
  rangeOf: Map<string, ServiceRange>;
  needs: Need[];
  /**
   * True when the directory contains the fictional sample data that `npm start` loads: the site
   * then says so on every page. The build knows because it holds the sample data set itself.
   */
  sampleData: boolean;
}

let index: Promise<DirectoryIndex> | undefined;

async function loadNeeds(): Promise<Need[]> {
  const { data, error } = await supabaseClient()
    .from('taxonomy_terms')
    .select('id, code, name, resident_label, description')
    .eq('taxonomy_id', 'signpost-needs')
    .order('id');
  if (error) throw new DirectoryReadError(`Could not read the list of needs: ${error.message}`);
  return (data as { id: string; code: string | null; name: string; resident_label: string | null; description: string | null }[]).map(
    (t) => ({ code: t.code ?? t.id, label: t.resident_label ?? t.name, name: t.name, description: t.description }),
  );
}

const sampleNames = new Map(sampleData.catalogue.services.map((s) => [s.id, s.name]));

/**
 * The public directory as the anon key sees it (RLS decides what is published), read once per
 * build a range at a time: only each service's summary is kept.
 */
export function loadDirectoryIndex(): Promise<DirectoryIndex> {
  index ??= (async () => {
    const client = supabaseClient();
    const [ranges, needs] = await Promise.all([publishedServiceRanges(client), loadNeeds()]);
    const entries: ListingSummary[] = [];
    const rangeOf = new Map<string, ServiceRange>();
    // A few ranges in flight at once: the time goes in waiting for the API, not in work here.
    const reads = ranges.map((range) => async () => ({ range, listings: buildListings(await readRangeOnce(client, range)) }));
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(3, reads.length) }, async () => {
        while (next < reads.length) {
          const read = reads[next++]!;
          // Only summaries are kept: the full listings of a range are dropped once summarised.
          const { range, listings } = await read();
          for (const listing of listings) {
            entries.push(summarise(listing));
            rangeOf.set(listing.id, range);
          }
        }
      }),
    );
    // Service pages are listed range by range, in the order the directory is read.
    const inRangeOrder = new Map<string, ServiceRange>();
    const order = new Map(ranges.map((r, i) => [r, i]));
    for (const [id, range] of [...rangeOf].sort(([a, ra], [b, rb]) => order.get(ra)! - order.get(rb)! || (a < b ? -1 : a > b ? 1 : 0)))
      inRangeOrder.set(id, range);
    entries.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    rangeList = ranges;
    return { entries, rangeOf: inRangeOrder, needs, sampleData: entries.some((e) => sampleNames.get(e.id) === e.name) };
  })();
  return index;
}

let rangeList: ServiceRange[] = [];
const keyOf = (range: ServiceRange) => `${range.after ?? ''}\u0000${range.last}`;

// Pages are built in the order their paths are listed, so a range read for one service page is
// there for the next few hundred, and the next range is read while they render.
const recent = new Map<string, Promise<Map<string, Listing>>>();

function readRange(range: ServiceRange): Promise<Map<string, Listing>> {
  const key = keyOf(range);
  let listings = recent.get(key);
  if (!listings) {
    listings = readRangeOnce(supabaseClient(), range).then((c) => new Map(buildListings(c).map((l) => [l.id, l])));
    recent.set(key, listings);
    if (recent.size > 3) recent.delete(recent.keys().next().value!);
  }
  return listings;
}

/** One published service in full, reading only the range of the directory that holds it. */
export async function loadListing(id: string, range: ServiceRange): Promise<Listing> {
  const fresh = !recent.has(keyOf(range));
  const listings = readRange(range);
  if (fresh) {
    const following = rangeList[rangeList.findIndex((r) => keyOf(r) === keyOf(range)) + 1];
    if (following) void readRange(following).catch(() => recent.delete(keyOf(following)));
  }
  const listing = (await listings).get(id);
  if (!listing) throw new DirectoryReadError(`Service ${id} was not in the directory when its page was built.`);
  return listing;
}
