// Search for the board, as the site build uses it: `addSearch` gives the home
// page its filter choices and card facts before rendering, `writeSearchIndex`
// indexes the rendered posting pages before the site is swapped in.
import type { SitePlan } from '../site/site-plan.ts';
import type { SiteView } from '../site/page-views.ts';
import { BuildError, describeErrorChain } from '../site/build-error.ts';
import { loadCurrencyRates, type CurrencyRates } from './currency-rates.ts';
import { withSearchView, type SearchSiteView } from './search-view.ts';
import { writeSearchIndex as writePagefindIndex, type SearchIndexOptions, type SearchIndexResult } from './write-search-index.ts';

export type { CardFacets, SearchSiteView, SearchView } from './search-view.ts';
export { SEARCH_INDEX_FOLDER } from './write-search-index.ts';
export { yearlySalary, PERIODS_PER_YEAR } from './yearly-salary.ts';

let rates: CurrencyRates | undefined;

/** The site view with the home page's search data; throws a BuildError when the rates table is unusable. */
export function addSearch(site: SiteView, plan: SitePlan): SearchSiteView {
  try {
    rates ??= loadCurrencyRates();
  } catch (error) {
    throw new BuildError(`The currency rates table src/render/search/currency-rates.json is unusable: ${describeErrorChain(error)}`, { cause: error });
  }
  return withSearchView(site, plan, rates);
}

/** Indexes the open posting pages below `siteDir`; throws a BuildError saying what Pagefind reported. */
export async function writeSearchIndex(options: SearchIndexOptions): Promise<SearchIndexResult> {
  try {
    return await writePagefindIndex(options);
  } catch (error) {
    throw new BuildError(`The search index could not be built: ${describeErrorChain(error)}`, { cause: error });
  }
}
