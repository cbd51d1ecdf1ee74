// Country and location normalisation: the public face of this folder.
export { countryName } from './country-name.ts';
export { resolveCountry, suggestCountry } from './resolve-country.ts';
export { normaliseCountryField, type CountryField } from './normalise-country-field.ts';
export { readLocationText, type LocationReading } from './read-location-text.ts';
export { parseRemote } from './parse-remote.ts';
export { normaliseLocation, type LocationInput } from './normalise-location.ts';
