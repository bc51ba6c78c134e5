import { createContext } from 'react';
import type { SearchConnection } from '../../lib/search/client.ts';

/**
 * The directory search's host and search-only key, given to the workspace by its page (as the
 * public search page gives them to its island), for screens that choose services from the directory.
 */
export const SearchConnectionContext = createContext<SearchConnection | null>(null);
