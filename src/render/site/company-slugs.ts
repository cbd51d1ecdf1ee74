// Company pages live at `companies/<slug>/`. Names that differ only in case
// or spacing are one company; distinct companies whose names slug alike
// (`C++ Ltd`, `C Ltd`) get numbered slugs. The numbering depends only on the
// set of names, never on file order, so rebuilds give the same URLs.
import { toSlug } from '../../normalise/fields/slugify-id.ts';

/** Used when a company name has no letters or digits to slug (`!!!`, emoji only). */
const FALLBACK_SLUG = 'company';

/** The key that decides whether two company names are the same company. */
export function companyKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** One slug per company key, unique among them. */
export function assignCompanySlugs(keys: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(keys)].sort(compareCodeUnits);
  const base = new Map(sorted.map((key) => [key, toSlug(key) || FALLBACK_SLUG]));
  // Every base slug is reserved first, so a company literally named `Acme 2`
  // keeps `acme-2` whichever other names exist.
  const taken = new Set(base.values());
  const owner = new Map<string, string>();
  const slugs = new Map<string, string>();
  for (const key of sorted) {
    const wanted = base.get(key)!;
    if (!owner.has(wanted)) {
      owner.set(wanted, key);
      slugs.set(key, wanted);
      continue;
    }
    let counter = 2;
    while (taken.has(`${wanted}-${counter}`)) counter += 1;
    const slug = `${wanted}-${counter}`;
    taken.add(slug);
    slugs.set(key, slug);
  }
  return slugs;
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
