import { supabaseClient } from '../supabase.ts';
import { sampleData } from '../sample-data/index.ts';
import { buildListings, type Listing } from './listing.ts';
import { DirectoryReadError, publishedServiceRanges, readServiceRange, type ServiceRange } from './read-pages.ts';
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
    for (const range of ranges) {
      for (const listing of buildListings(await readServiceRange(client, range))) {
        entries.push(summarise(listing));
        rangeOf.set(listing.id, range);
      }
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    return { entries, rangeOf, needs, sampleData: entries.some((e) => sampleNames.get(e.id) === e.name) };
  })();
  return index;
}

// Pages are built in the order their paths are listed, so a range read for one service page is
// there for the next few hundred; two are kept in case the order interleaves at a boundary.
const recent = new Map<string, Promise<Map<string, Listing>>>();

/** One published service in full, reading only the range of the directory that holds it. */
export async function loadListing(id: string, range: ServiceRange): Promise<Listing> {
  const key = `${range.after ?? ''}\u0000${range.last}`;
  let listings = recent.get(key);
  if (!listings) {
    listings = readServiceRange(supabaseClient(), range).then((c) => new Map(buildListings(c).map((l) => [l.id, l])));
    recent.set(key, listings);
    if (recent.size > 2) recent.delete(recent.keys().next().value!);
  }
  const listing = (await listings).get(id);
  if (!listing) throw new DirectoryReadError(`Service ${id} was not in the directory when its page was built.`);
  return listing;
}
