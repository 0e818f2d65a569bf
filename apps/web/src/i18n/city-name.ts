// City names are typed by organizers, in English. The cities the product knows (messages/<locale>/
// cities.json) are shown in the reader's language; any other is shown as it was typed. The URL
// and the api keep the English name: this is only what a person reads.
type Translate = { (key: string): string; has(key: string): boolean };

export function cityName(t: Translate, city: string): string {
  // Message keys cannot hold dots; no city the catalogue knows has one.
  return !city.includes(".") && t.has(city) ? t(city) : city;
}
