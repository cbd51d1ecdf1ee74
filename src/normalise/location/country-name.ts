// Display names for countries: the package's English name, except where that
// is the long official form (`United States of America` → `United States`).
import { DISPLAY_NAMES } from './country-aliases.ts';
import { englishName } from './country-index.ts';

/** Short English name for an alpha-2 code; an unknown code is returned as given. */
export function countryName(alpha2: string, locale: 'en' = 'en'): string {
  if (typeof alpha2 !== 'string') return '';
  const code = alpha2.trim().toUpperCase();
  // Only English exists today; the parameter keeps call sites ready for more.
  void locale;
  return DISPLAY_NAMES[code] ?? englishName(code) ?? alpha2;
}
