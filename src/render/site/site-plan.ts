// Decides what the site holds before anything is rendered: which postings
// are published, open or closed, and which company, country and tag pages
// exist with which open postings on them. Pages, feeds and the sitemap all
// read this one plan, so they cannot disagree about what is listed.
import { isOpen, type PostingEntry } from '../../board.ts';
import { countryName } from '../../normalise/location/index.ts';
import { toSlug } from '../../normalise/fields/slugify-id.ts';
import type { Posting } from '../../posting.ts';
import { sortNewestFirst } from '../feeds/sort-newest-first.ts';
import { BuildError } from './build-error.ts';
import { assignCompanySlugs, companyKey, compareCodeUnits } from './company-slugs.ts';

export type ListingKind = 'company' | 'country' | 'tag';

export interface Listing {
  kind: ListingKind;
  /** The slug in the URL (`acme`, `gb`, `rust`). */
  slug: string;
  /** What the listing is of, for people (`Acme`, `United Kingdom`, `rust`). */
  name: string;
  /** Site path of the page (`/companies/acme/`). */
  path: string;
  /** The company's own website, for company listings. */
  url: string | null;
  /** Open postings, newest first; never empty. */
  postings: Posting[];
}

export interface SitePlan {
  /** Open postings, newest first. */
  open: Posting[];
  /** Closed postings (pages without listing), newest first. */
  closed: Posting[];
  drafts: number;
  companies: Listing[];
  countries: Listing[];
  tags: Listing[];
  /** Site path of each posting's company page, by posting id; absent when the company has no open postings. */
  companyPathOf: ReadonlyMap<string, string>;
  /** Site path of every listing that exists, by `kind:slug`. */
  listingPaths: ReadonlySet<string>;
}

export const LISTING_FOLDERS: Readonly<Record<ListingKind, string>> = { company: 'companies', country: 'countries', tag: 'tags' };

// Ids become folder names: anything else could escape `jobs/` or clash on disk.
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ALPHA2 = /^[A-Z]{2}$/;

export function planSite(entries: readonly PostingEntry[], buildDate: string): SitePlan {
  const published = entries.filter((entry) => !entry.draft).map((entry) => entry.posting);
  checkIds(entries.filter((entry) => !entry.draft));
  const open = sortNewestFirst(published.filter((posting) => isOpen(posting, buildDate)));
  const closed = sortNewestFirst(published.filter((posting) => !isOpen(posting, buildDate)));

  const companySlugs = assignCompanySlugs(published.map((posting) => companyKey(posting.company.name)));
  const companies = groupListings('company', open, (posting) => {
    const key = companyKey(posting.company.name);
    return [{ slug: companySlugs.get(key)!, name: posting.company.name.trim() || 'Unnamed company', url: posting.company.url }];
  });
  const countries = groupListings('country', open, (posting) =>
    countryCodes(posting).map((code) => ({ slug: code.toLowerCase(), name: countryName(code), url: null })),
  );
  const tags = groupListings('tag', open, (posting) => tagSlugs(posting).map((slug) => ({ slug, name: slug, url: null })));

  const listingPaths = new Set([...companies, ...countries, ...tags].map((listing) => listing.path));
  const companyPathOf = new Map<string, string>();
  for (const posting of published) {
    const path = listingPath('company', companySlugs.get(companyKey(posting.company.name))!);
    if (listingPaths.has(path)) companyPathOf.set(posting.id, path);
  }
  return { open, closed, drafts: entries.length - published.length, companies, countries, tags, companyPathOf, listingPaths };
}

export function listingPath(kind: ListingKind, slug: string): string {
  return `/${LISTING_FOLDERS[kind]}/${slug}/`;
}

/** A posting's countries that can name a page: well-formed alpha-2 codes, upper-case, once each. */
export function countryCodes(posting: Posting): string[] {
  const codes = posting.location.countries.map((code) => String(code).trim().toUpperCase()).filter((code) => ALPHA2.test(code));
  return [...new Set(codes)];
}

/** A posting's tags as URL slugs, once each; a tag with nothing to slug has no page. */
export function tagSlugs(posting: Posting): string[] {
  return [...new Set(posting.tags.map((tag) => (SLUG.test(tag) ? tag : toSlug(String(tag)))).filter(Boolean))];
}

interface Facet {
  slug: string;
  name: string;
  url: string | null;
}

function groupListings(kind: ListingKind, open: readonly Posting[], facetsOf: (posting: Posting) => Facet[]): Listing[] {
  const bySlug = new Map<string, { facets: Facet[]; postings: Posting[] }>();
  for (const posting of open) {
    for (const facet of facetsOf(posting)) {
      const group = bySlug.get(facet.slug) ?? { facets: [], postings: [] };
      // facetsOf gives each slug once per posting, so a posting is added once per group.
      group.facets.push(facet);
      group.postings.push(posting);
      bySlug.set(facet.slug, group);
    }
  }
  return [...bySlug.entries()]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([slug, { facets, postings }]) => ({
      kind,
      slug,
      name: commonest(facets.map((facet) => facet.name)),
      path: listingPath(kind, slug),
      // Postings arrive newest first, so this is the newest posting's company URL.
      url: facets.find((facet) => facet.url !== null)?.url ?? null,
      postings,
    }));
}

/** The most frequent spelling; ties go to the first in code-unit order, so the choice is stable. */
function commonest(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts.entries()].sort(([a, countA], [b, countB]) => countB - countA || compareCodeUnits(a, b))[0]?.[0] ?? '';
}

function checkIds(entries: readonly PostingEntry[]): void {
  const seen = new Map<string, string>();
  for (const { posting, file } of entries) {
    if (typeof posting.id !== 'string' || !SLUG.test(posting.id)) {
      throw new BuildError(`The posting ${file} has the id ${JSON.stringify(posting.id)}, which cannot be a page address; ids must be lower-case letters, digits and single hyphens.`);
    }
    const other = seen.get(posting.id);
    if (other !== undefined) {
      throw new BuildError(`The postings ${other} and ${file} have the same id \`${posting.id}\`; rename one of the files.`);
    }
    seen.set(posting.id, file);
  }
}
