// Search for the board, as the site build uses it: `addSearch` gives the home
// page its filter choices and card facts before rendering, `writeSearchIndex`
// indexes the rendered posting pages before the site is swapped in.
import type { SitePlan } from '../site/site-plan.ts';
import type { SiteView } from '../site/page-views.ts';
import { BuildError, describeErrorChain } from '../site/build-error.ts';
import { loadCurrencyRates, type CurrencyRates } from './currency-rates.ts';
import { planSearchShards, type SearchShard, type ShardSizes } from './plan-search-shards.ts';
import { withSearchView, type SearchSiteView } from './search-view.ts';
import { SEARCH_INDEX_FOLDER, writeSearchIndex as writePagefindIndex, type SearchIndexOptions, type SearchIndexResult } from './write-search-index.ts';

export type { CardFacets, SearchSiteView, SearchView } from './search-view.ts';
export { SEARCH_INDEX_FOLDER } from './write-search-index.ts';
export type { IndexShard } from './write-search-index.ts';
export type { SearchShard, ShardSizes } from './plan-search-shards.ts';
export { yearlySalary, PERIODS_PER_YEAR } from './yearly-salary.ts';

let rates: CurrencyRates | undefined;

/**
 * The site view with the home page's search data, and the shards of the
 * search index it names; throws a BuildError when the rates table is unusable.
 */
export function addSearch(site: SiteView, plan: SitePlan, shardSizes?: ShardSizes): { site: SearchSiteView; shards: SearchShard<SitePlan['open'][number]>[] } {
  try {
    rates ??= loadCurrencyRates();
  } catch (error) {
    throw new BuildError(`The currency rates table src/render/search/currency-rates.json is unusable: ${describeErrorChain(error)}`, { cause: error });
  }
  const shards = planSearchShards(plan.open, SEARCH_INDEX_FOLDER, shardSizes);
  return { site: withSearchView(site, plan, rates, shards.map((shard) => shard.folder)), shards };
}

/** Indexes the open posting pages below `siteDir`; throws a BuildError saying what Pagefind reported. */
export async function writeSearchIndex(options: SearchIndexOptions): Promise<SearchIndexResult> {
  try {
    return await writePagefindIndex(options);
  } catch (error) {
    throw new BuildError(`The search index could not be built: ${describeErrorChain(error)}`, { cause: error });
  }
}
