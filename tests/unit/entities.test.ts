// Person extraction and the people index on sentences written for these tests (not the seeds):
// title chains, shared and unshared lists, organisations resolved to district and city,
// namesakes, dates, signatures, and the jieba user dictionary.
import { cut, tag, with_dict } from 'jieba-wasm';
import { describe, expect, it } from 'vitest';
import {
  analyseEntities, buildPeopleIndex, dictionaryLines, extractMentions, holdersOf, indexTokens, reasonText,
  type EntityArticle, type Person,
} from '../../src/core/entities/index';
import { nameAt } from '../../src/core/entities/names';

const tagger = { tag: (t: string) => tag(t, true) };

let seq = 0;
function article(body: string, over: Partial<EntityArticle> = {}): EntityArticle {
  return {
    file: 'test.txt', index: seq++, date: '2024-06-03', district: null, paper: null, headline: '', kicker: null,
    body, reporters: [], correspondents: [], ...over,
  };
}

function people(articles: EntityArticle[]): Person[] {
  return buildPeopleIndex(extractMentions(articles, { tagger })).people;
}

const postsOf = (ps: Person[], name: string) => ps.find((p) => p.name === name)?.posts.map((p) => p.post);

describe('titles and names', () => {
  it('reads a title chain before a name and resolves 区 to the article district', () => {
    const ps = people([article('区委书记、区长刘怀斌主持会议并讲话。', { district: '红旗区' })]);
    expect(ps.map((p) => p.id)).toEqual(['刘怀斌@红旗区']);
    // Same date: posts in code-point order of their names.
    expect(postsOf(ps, '刘怀斌')).toEqual(['红旗区区长', '红旗区委书记']);
    expect(ps[0].mentions[0].titleText).toBe('区委书记、区长');
    expect(ps[0].roles).toEqual(['official']);
  });

  it('shares a collective title with every name of its list', () => {
    const ps = people([article('区领导王刚、李敏、赵宏伟等出席仪式。', { district: '延津县' })]);
    // 区领导 in a 县 article: the 区 cannot be the district, so it is kept as written.
    expect(ps.map((p) => [p.name, postsOf(ps, p.name)])).toEqual([['李敏', ['区领导']], ['王刚', ['区领导']], ['赵宏伟', ['区领导']]]);
    const ps2 = people([article('副县长孙建国、陈晓明陪同调研。', { district: '延津县' })]);
    expect(ps2.map((p) => postsOf(ps2, p.name))).toEqual([['延津县副县长'], ['延津县副县长']]);
  });

  it('does not share a single-holder title with the names listed after it', () => {
    const ps = people([article('区委常委、宣传部长张馨元、马超峰出席会议。', { district: '牧野区' })]);
    expect(postsOf(ps, '张馨元')).toEqual(['牧野区委宣传部部长', '牧野区委常委']);
    expect(postsOf(ps, '马超峰')).toEqual([]);
    expect(ps.find((p) => p.name === '马超峰')!.confidence).toBe('low');
  });

  it('places 市 in the article city, and a zone body in its zone', () => {
    const text = '市政协副主席、高新区(示范区)党工委书记吕沛主持召开会议。';
    expect(postsOf(people([article(text, { district: '高新区', city: '焦作市' })]), '吕沛')).toEqual(['焦作市政协副主席', '高新区(示范区)党工委书记']);
    // No city known: 市政协 stays as written rather than being guessed.
    expect(postsOf(people([article(text, { district: '高新区' })]), '吕沛')).toEqual(['市政协副主席', '高新区(示范区)党工委书记']);
  });

  it('keeps a district the title names, whatever the article district', () => {
    const ps = people([article('卫滨区区长魏海晓先后深入平原镇检查。', { district: '红旗区' })]);
    expect(ps[0].id).toBe('魏海晓@卫滨区');
    expect(postsOf(ps, '魏海晓')).toEqual(['卫滨区区长']);
  });

  it('reads 市委 in a county-level city as that city, and a chain body for a bare title', () => {
    expect(postsOf(people([article('市委常委、常务副市长韩立新主持会议。', { district: '卫辉市', city: '新乡市' })]), '韩立新'))
      .toEqual(['卫辉市委常委', '卫辉市常务副市长']);
    expect(postsOf(people([article('县农业农村局党组书记、局长马文涛介绍了有关情况。', { district: '原阳县' })]), '马文涛'))
      .toEqual(['原阳县农业农村局党组书记', '原阳县农业农村局局长']);
  });

  it('finds descriptors and ends a name before the verb that follows it', () => {
    const ps = people([article('种植大户蔡虎望着长势喜人的农田高兴地说。', { district: '封丘县' })]);
    expect(ps.map((p) => [p.name, p.roles, postsOf(ps, p.name)])).toEqual([['蔡虎', ['other'], ['种植大户']]]);
  });

  it('does not take everyday words after a title for names', () => {
    expect(people([article('区长高度重视此项工作。全区党员干部要提高站位。书记带队检查。', { district: '凤泉区' })])).toEqual([]);
  });

  it('links later bare mentions and the names listed with a known name', () => {
    const ps = people([
      article('区委书记丁文广主持活动。会上,刘婷婷、范俊杰、于荣广结合工作进行交流。丁文广强调,要真抓实干。', { district: '凤泉区' }),
      article('区委常委、统战部部长于荣广出席活动。', { district: '凤泉区' }),
    ]);
    const ding = ps.find((p) => p.name === '丁文广')!;
    expect(ding.mentions.filter((m) => m.posts.length === 0)).toHaveLength(1);
    expect(ps.find((p) => p.name === '于荣广')!.articles).toHaveLength(2);
    expect(ps.find((p) => p.name === '刘婷婷')).toMatchObject({ confidence: 'low', posts: [] });
  });
});

describe('the people index', () => {
  it('keeps namesakes in two districts apart and says why', () => {
    const ps = people([
      article('区委书记张华主持会议。', { district: '红旗区' }),
      article('副区长张华调研。', { district: '卫滨区' }),
    ]);
    expect(ps.map((p) => p.id)).toEqual(['张华@卫滨区', '张华@红旗区']);
    for (const p of ps) {
      expect(p.confidence).toBe('medium');
      expect(p.sameNameAs).toHaveLength(1);
      expect(p.reasons.map((r) => r.code)).toContain('namesakes-apart');
    }
  });

  it('joins a name across districts when a post bound to neither is shared', () => {
    const ps = people([
      article('市政协副主席、区委书记王文胜出席。', { district: '红旗区', city: '新乡市' }),
      article('市政协副主席、区长王文胜调研。', { district: '卫滨区', city: '新乡市' }),
    ]);
    expect(ps).toHaveLength(1);
    expect(ps[0].reasons.map((r) => reasonText(r))).toContain('the same post 新乡市政协副主席 in 红旗区 and 卫滨区');
    expect(ps[0].reasons.map((r) => reasonText(r, 'zh'))).toContain('红旗区与卫滨区的报道都称其为新乡市政协副主席');
    expect(ps[0].confidence).toBe('medium');
  });

  it('dates posts by first and last mention, with the precision of each date', () => {
    const ps = people([
      article('区长丁文广出席。', { district: '凤泉区', date: '2023-08-26' }),
      article('区委书记丁文广主持。', { district: '凤泉区', date: null, bulletinDate: '2026', dateline: '近日' }),
      article('区委书记丁文广讲话。', { district: '凤泉区', date: null, bulletinDate: null, dateline: '6月8日' }),
    ]);
    const [mayor, secretary] = ps[0].posts;
    expect(mayor).toMatchObject({ post: '凤泉区区长', first: { date: '2023-08-26', precision: 'day' } });
    expect(secretary).toMatchObject({ post: '凤泉区委书记', first: { date: '2026', precision: 'year' }, mentions: 2, undated: 1 });
    expect(ps[0].mentions.at(-1)!.date).toEqual({ date: null, precision: 'none', dateline: '6月8日' });
  });

  it('answers who held a post when', () => {
    const index = buildPeopleIndex(extractMentions([
      article('卫滨区委书记邓国永主持。', { district: '卫滨区', date: '2026-05-29' }),
      article('区委书记李海潮作讲话。', { district: '卫滨区', date: '2023-08-25' }),
    ], { tagger }));
    expect(holdersOf(index, '卫滨区委书记').map((h) => [h.name, h.first?.date])).toEqual([['李海潮', '2023-08-25'], ['邓国永', '2026-05-29']]);
    expect(holdersOf(index, '红旗区委书记')).toEqual([]);
  });

  it('gives signatures roles of their own, apart from officials of the same name', () => {
    const ps = people([
      article('副区长张华调研。', { district: '卫滨区', reporters: ['张华'], correspondents: ['李亚芬'], credit: '记者 张华 通讯员 李亚芬' }),
      article('正文。', { credit: '赵慧意 李月锦 摄', district: '凤泉区' }),
      article('正文。', { credit: '周春雨 罗菲' }),
      article('红旗区洪门镇开展整治。', { credit: '洪门 文/图' }),
      article('正文。', { credit: '红旗宣' }),
      article('评论正文。', { kind: 'commentary', reporters: ['高亢'] }),
    ]);
    const roles = Object.fromEntries(ps.map((p) => [p.id, p.roles]));
    expect(roles).toEqual({
      '张华@卫滨区': ['official'], '张华@press': ['reporter'], '李亚芬@press': ['correspondent'],
      '赵慧意@press': ['photographer'], '李月锦@press': ['photographer'], '周春雨@press': ['author'], '罗菲@press': ['author'],
      '高亢@press': ['author'],
    });
  });
});

describe('names and the tagger', () => {
  it('ignores a tagger whose words do not add up to the text', () => {
    expect(indexTokens({ tag: () => [{ word: '别的', tag: 'n' }] }, '刘怀斌').tagged).toBe(false);
    expect(indexTokens(tagger, '刘怀斌主持').tagged).toBe(true);
  });

  it('lets jieba veto a name-shaped everyday word', () => {
    const text = '主任王平平出席';
    const veto = indexTokens({ tag: () => [{ word: '主任', tag: 'n' }, { word: '王平平', tag: 'i' }, { word: '出席', tag: 'v' }] }, text);
    expect(nameAt(text, 2, indexTokens(undefined, text))?.name).toBe('王平平');
    expect(nameAt(text, 2, veto)).toBeNull();
  });
});

describe('the jieba user dictionary', () => {
  it('writes one line per name and user word, each with a frequency', () => {
    const lines = dictionaryLines([{ name: '刘怀斌' }, { name: '刘怀斌' }, '于荣广'], ['二马机制', { word: '三夏', tag: 'nz', freq: 50 }, 'x', 'a b']);
    expect(lines).toEqual(['刘怀斌 1000 nr', '于荣广 1000 nr', '二马机制 1000 n', '三夏 50 nz']);
  });

  it('keeps the names whole when jieba loads the lines', () => {
    expect(cut('刘怀斌主持二马机制会议', false)).not.toContain('刘怀斌');
    with_dict(dictionaryLines(['刘怀斌'], ['二马机制']).join('\n'));
    expect(cut('刘怀斌主持二马机制会议', false)).toEqual(expect.arrayContaining(['刘怀斌', '二马机制']));
  });
});

describe('analyseEntities', () => {
  it('runs without a gazetteer or a tagger, with no places', () => {
    const r = analyseEntities([article('区委书记李博主持会议。', { district: '牧野区' })]);
    expect(r.people.map((p) => p.id)).toEqual(['李博@牧野区']);
    expect(r.places).toEqual([]);
  });
});
