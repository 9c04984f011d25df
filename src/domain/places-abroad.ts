import { cityIndex, findState, normalize } from './gazetteer.ts';

/** Countries and their everyday names, so a place abroad is recognised as abroad rather than unknown. */
const COUNTRIES =
  'afghanistan argentina australia austria bangladesh belgium brazil britain canada chile china colombia croatia cuba czechia denmark ecuador egypt england ethiopia finland france germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kenya korea lebanon malaysia mexico morocco nepal netherlands holland nigeria norway pakistan panama peru philippines poland portugal romania russia scotland serbia singapore spain sweden switzerland taiwan thailand turkey uk ukraine uae uruguay venezuela vietnam wales'.split(
    ' ',
  );
// Names of several words are listed whole: split on spaces they made "new", "south" and "united" countries.
const COUNTRY_NAMES = new Set([
  ...COUNTRIES,
  'u k',
  'czech republic',
  'south korea',
  'new zealand',
  'saudi arabia',
  'south africa',
  'united kingdom',
  'united arab emirates',
]);
/** Large cities abroad people name without their country. */
const FOREIGN_CITIES = new Set(
  'london paris berlin madrid rome toronto vancouver montreal calgary ottawa tokyo sydney melbourne dublin amsterdam tijuana munich hamburg vienna zurich geneva stockholm oslo copenhagen helsinki lisbon barcelona milan athens istanbul moscow kyiv warsaw prague budapest delhi mumbai beijing shanghai seoul manila bangkok singapore auckland johannesburg cairo lagos nairobi bogota lima santiago edinburgh glasgow manchester liverpool'.split(
    ' ',
  ),
);
for (const two of ['mexico city', 'buenos aires', 'sao paulo', 'rio de janeiro']) FOREIGN_CITIES.add(two);

/**
 * A place outside the United States named in the text ("Berlin, Germany", "Toronto, Canada", "London, UK"),
 * as "City, Country" when both are given; null when none is named.
 */
export function foreignPlace(text: string): string | null {
  const n = normalize(text);
  const original0 = text.replace(/\s+/g, ' ');
  for (const c of [...FOREIGN_CITIES].sort((a, b) => b.length - a.length)) {
    if (new RegExp(`\\b${c}\\b`).test(n) && !cityIndex.has(c)) {
      const m = new RegExp(`\\b(${c.replace(/ /g, '\\s+')})\\b`, 'i').exec(original0);
      const after = m ? original0.slice(m.index + m[0].length) : '';
      const country = new RegExp(`^\\s*,?\\s*(${[...COUNTRY_NAMES].join('|')})\\b`, 'i').exec(after);
      return m ? (country ? `${m[1]}, ${country[1]}` : m[1]!) : c;
    }
  }
  const countries = [...COUNTRY_NAMES].sort((a, b) => b.length - a.length).join('|');
  const withCountry = new RegExp(
    `(?:^|\\b(?:in|near|from|live in|living in|based in)\\s+)?([a-z][a-z -]{1,30}?)\\s+(${countries})\\b`,
  ).exec(n.replace(/ ,/g, ','));
  const original = text.replace(/\s+/g, ' ');
  if (withCountry) {
    const country = withCountry[2]!;
    const cityWords = withCountry[1]!.trim().split(' ');
    // Keep the last one to three words before the country that were written as a place ("Berlin, Germany").
    const pattern = new RegExp(`([A-Za-zÀ-ÿ.' -]{2,40}?),?\\s+(${country.replace(/ /g, '\\s+')})\\b`, 'i');
    const m = pattern.exec(original);
    if (m && !findState(country)) {
      const city = m[1]!.trim().split(/\s+/).slice(-Math.min(3, cityWords.length)).join(' ');
      const cleaned = city.replace(
        /^(?:in|near|from|live in|living in|we live in|we're in|based in)\s+/i,
        '',
      );
      return cleaned && !/^(in|near|from)$/i.test(cleaned) ? `${cleaned}, ${m[2]}` : m[2]!;
    }
  }
  for (const c of COUNTRY_NAMES) {
    if (c.length > 2 && new RegExp(`\\b(?:in|from|live in|living in)\\s+${c}\\b`).test(n)) return c;
  }
  return null;
}
