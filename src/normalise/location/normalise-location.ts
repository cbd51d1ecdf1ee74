// Assembles a posting's Location from `country`, `location` and `remote`:
// the `country` field wins over what the text says, the `remote` key wins
// over what the text implies, and a posting with no country is asked for one.
import type { Finding, Normalised } from '../../diagnostics/finding.ts';
import type { Location, RemoteMode } from '../../posting.ts';
import { normaliseCountryField } from './normalise-country-field.ts';
import { parseRemote } from './parse-remote.ts';
import { quoteValue } from './quote-value.ts';
import { scanLocationText, type DetailedLocationReading } from './read-location-text.ts';

export interface LocationInput {
  country?: unknown;
  location?: unknown;
  remote?: unknown;
}

/** The text as written, or null; a list of places is joined into one line. */
function locationText(value: unknown, findings: Finding[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) {
    const joined = value.map(String).map((item) => item.trim()).filter(Boolean).join(' / ');
    return joined === '' ? null : joined;
  }
  findings.push({ rule: 'value-type', reason: '`location` must be text such as `Berlin, Germany` or `Remote - US`; it is ignored.' });
  return null;
}

function missingCountryReason(text: string | null, reading: DetailedLocationReading): string {
  const [region] = reading.regions;
  if (text === null) {
    return 'The posting has no `country` and no `location`; add `country:` with the country name or ISO code, or `Worldwide`.';
  }
  if (region !== undefined) {
    return `\`location\` names a region (${quoteValue(region.toUpperCase())}) but no country; add \`country:\` listing the countries applicants may be in, or \`Worldwide\`.`;
  }
  if (reading.remote === 'remote') {
    return `\`location\` (${quoteValue(text)}) says remote but names no country; add \`country:\` listing where applicants may live, or \`Worldwide\`.`;
  }
  return `No country could be read from \`location\` (${quoteValue(text)}); add \`country:\` with the country name or ISO code.`;
}

export function normaliseLocation(input: LocationInput): Normalised<Location> {
  const { country, location, remote } = typeof input === 'object' && input !== null ? input : ({} as LocationInput);
  const findings: Finding[] = [];

  const field = normaliseCountryField(country);
  // Regions and time zones written under `country` (`EMEA`, `UTC±3`) are kept as the location text when there is none.
  const regionOnly = field.findings.some((finding) => finding.rule === 'country-region' || finding.rule === 'country-time-zone');
  const text = locationText(location, findings) ?? (regionOnly ? locationText(country, []) : null);
  const reading = scanLocationText(text);
  findings.push(...field.findings);

  const place = field.value ?? { countries: reading.countries, worldwide: reading.worldwide };

  let mode: RemoteMode | null = reading.remote;
  if (remote !== undefined && remote !== null) {
    const parsed = parseRemote(remote);
    findings.push(...parsed.findings);
    mode = parsed.value ?? mode;
  }
  // Open to applicants anywhere means nobody is asked to come to an office.
  if (mode === null && place.worldwide) mode = 'remote';

  const countryFieldFailed = field.findings.length > 0;
  if (place.countries.length === 0 && !place.worldwide && !countryFieldFailed) {
    findings.push({ rule: 'country-missing', reason: missingCountryReason(text, reading) });
  }

  return {
    value: { countries: [...place.countries], worldwide: place.worldwide, remote: mode, text },
    findings,
  };
}
