// Country names for feed text and JSON-LD when the caller does not pass the
// board's own `countryName` (src/normalise/location): the runtime's English
// region names, so rendering works without the normalisation layer.

/** Turns an ISO 3166-1 alpha-2 code into a name people read. */
export type CountryNamer = (alpha2: string) => string;

let regionNames: Intl.DisplayNames | null = null;

/** English region name from `Intl.DisplayNames`; a code it does not know is returned as given. */
export const intlCountryName: CountryNamer = (alpha2) => {
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
    return regionNames.of(alpha2.toUpperCase()) ?? alpha2;
  } catch {
    // A malformed code (`12`, `GBR`) makes `of` throw; show what the record holds.
    return alpha2;
  }
};

/** `namer` when given, falling back per code to the Intl name if it throws or returns nothing. */
export function safeCountryNamer(namer: CountryNamer | undefined): CountryNamer {
  if (!namer) return intlCountryName;
  return (alpha2) => {
    try {
      const name = namer(alpha2);
      if (typeof name === 'string' && name !== '') return name;
    } catch {
      // Fall through: a faulty callback must not take the whole feed down.
    }
    return intlCountryName(alpha2);
  };
}
