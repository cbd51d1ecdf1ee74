// Cities that settle `City, XX` when XX is both a country and a US state:
// `Berlin, DE` is Germany, `Dover, DE` Delaware; `Toronto, CA` is Canada,
// `Fresno, CA` California; `Tbilisi, Georgia` the country. "City, ST" is
// the US habit, so a clashing code is read as the state unless the city is
// one of the country's own. No city database is at hand (i18n-iso-countries
// has none; the world-city packages weigh megabytes per worker), so these
// are the large and the tech-hiring cities of each clashing country, in the
// spellings postings use; a city missing here keeps the US reading, which
// the posting's `country` field always overrides.
import { phraseKey } from './location-words.ts';

const CITIES: Readonly<Record<string, readonly string[]>> = {
  // Albania (Alabama)
  AL: ['Tirana', 'Tirane', 'Durres'],
  // Argentina (Arkansas)
  AR: ['Buenos Aires', 'Cordoba', 'Rosario', 'Mendoza', 'La Plata', 'Mar del Plata'],
  // Azerbaijan (Arizona)
  AZ: ['Baku', 'Ganja'],
  // Canada (California)
  CA: [
    'Toronto', 'Montreal', 'Vancouver', 'Ottawa', 'Calgary', 'Edmonton', 'Winnipeg', 'Quebec City', 'Halifax',
    'Waterloo', 'Kitchener', 'Mississauga', 'Markham', 'Hamilton', 'Burnaby', 'Surrey', 'Saskatoon', 'Regina',
    'Gatineau', 'Laval', 'Oakville', 'Fredericton', 'Moncton', 'Guelph', 'Kelowna', 'St Johns',
  ],
  // Colombia (Colorado)
  CO: ['Bogota', 'Medellin', 'Cali', 'Barranquilla', 'Cartagena', 'Bucaramanga', 'Pereira'],
  // Germany (Delaware)
  DE: [
    'Berlin', 'Munich', 'Munchen', 'Muenchen', 'Hamburg', 'Frankfurt', 'Frankfurt am Main', 'Cologne', 'Koln', 'Koeln',
    'Stuttgart', 'Dusseldorf', 'Duesseldorf', 'Leipzig', 'Dresden', 'Hanover', 'Hannover', 'Nuremberg', 'Nurnberg',
    'Nuernberg', 'Bremen', 'Essen', 'Dortmund', 'Bonn', 'Karlsruhe', 'Mannheim', 'Heidelberg', 'Potsdam', 'Aachen',
    'Freiburg', 'Munster', 'Muenster', 'Augsburg', 'Wiesbaden', 'Mainz', 'Darmstadt', 'Kiel', 'Lubeck', 'Rostock',
    'Bochum', 'Duisburg', 'Bielefeld', 'Regensburg', 'Ulm', 'Jena', 'Erlangen', 'Walldorf', 'Ingolstadt', 'Wolfsburg',
  ],
  // Gabon (Georgia)
  GA: ['Libreville', 'Port Gentil'],
  // Georgia, the country (Georgia, the state)
  GE: ['Tbilisi', 'Batumi', 'Kutaisi', 'Rustavi', 'Zugdidi', 'Gori', 'Poti'],
  // Indonesia (Idaho)
  ID: ['Jakarta', 'Surabaya', 'Bandung', 'Medan', 'Bali', 'Denpasar', 'Yogyakarta', 'Semarang', 'Tangerang'],
  // Israel (Illinois)
  IL: ['Tel Aviv', 'Tel Aviv Yafo', 'Jerusalem', 'Haifa', 'Herzliya', 'Ramat Gan', 'Petah Tikva', 'Netanya', 'Raanana', 'Beer Sheva', 'Rehovot'],
  // India (Indiana)
  IN: [
    'Bangalore', 'Bengaluru', 'Mumbai', 'Bombay', 'Delhi', 'New Delhi', 'Hyderabad', 'Chennai', 'Pune', 'Kolkata',
    'Gurgaon', 'Gurugram', 'Noida', 'Ahmedabad', 'Kochi', 'Cochin', 'Jaipur', 'Coimbatore', 'Chandigarh', 'Indore',
    'Thiruvananthapuram', 'Trivandrum', 'Mysore', 'Mysuru', 'Nagpur', 'Lucknow', 'Bhubaneswar', 'Vadodara', 'Surat',
    'Visakhapatnam', 'Mangalore',
  ],
  // Laos (Louisiana)
  LA: ['Vientiane', 'Luang Prabang'],
  // Morocco (Massachusetts)
  MA: ['Casablanca', 'Rabat', 'Marrakech', 'Marrakesh', 'Tangier', 'Fes', 'Agadir'],
  // Moldova (Maryland)
  MD: ['Chisinau', 'Balti'],
  // Montenegro (Maine)
  ME: ['Podgorica', 'Budva', 'Kotor'],
  // Mongolia (Minnesota)
  MN: ['Ulaanbaatar', 'Ulan Bator'],
  // Malta (Montana)
  MT: ['Valletta', 'Sliema', 'St Julians', 'Birkirkara', 'Msida', 'Gzira', 'Mosta'],
  // Niger (Nebraska)
  NE: ['Niamey'],
  // Panama (Pennsylvania)
  PA: ['Panama City', 'Ciudad de Panama'],
  // Seychelles (South Carolina)
  SC: ['Victoria', 'Mahe'],
  // Sudan (South Dakota)
  SD: ['Khartoum', 'Omdurman'],
  // Tunisia (Tennessee)
  TN: ['Tunis', 'Sfax', 'Sousse'],
};

const CITY_KEYS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(CITIES).map(([country, cities]) => [country, new Set(cities.map(phraseKey))]),
);

/** Whether `cityKey` (a phraseKey) is one of the listed cities of `country`. */
export function isCityOf(cityKey: string, country: string): boolean {
  return CITY_KEYS.get(country)?.has(cityKey) ?? false;
}
