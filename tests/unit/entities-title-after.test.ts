// Titles written after a name (刘怀斌书记, 王平平区长, 张三副主任, 李强同志), on sentences written
// for these tests: the post is completed from the article or the district, and everyday words
// before a title (党员同志, 办公室主任, 文化站站长) never become people, with or without jieba.
import { tag } from 'jieba-wasm';
import { describe, expect, it } from 'vitest';
import { buildPeopleIndex, extractMentions, type EntityArticle, type Person } from '../../src/core/entities/index';

const tagger = { tag: (t: string) => tag(t, true) };

let seq = 0;
function article(body: string, over: Partial<EntityArticle> = {}): EntityArticle {
  return {
    file: 'after.txt', index: seq++, date: '2024-06-03', district: '红旗区', paper: null, headline: '', kicker: null,
    body, reporters: [], correspondents: [], ...over,
  };
}

function people(articles: EntityArticle[], withTagger = true): Person[] {
  return buildPeopleIndex(extractMentions(articles, withTagger ? { tagger } : {})).people;
}

const posts = (ps: Person[], name: string) => ps.find((p) => p.name === name)?.posts.map((p) => p.post);

describe('titles after a name', () => {
  it('gives a level title the article district (王平平区长主持)', () => {
    for (const withTagger of [true, false]) {
      const ps = people([article('会上，王平平区长主持会议并讲话。')], withTagger);
      expect(posts(ps, '王平平'), `tagger ${withTagger}`).toEqual(['红旗区区长']);
      expect(ps.find((p) => p.name === '王平平')!.roles).toEqual(['official']);
    }
  });

  it('completes 书记 from the post stated before the name in the same article', () => {
    const ps = people([article('区委书记刘怀斌出席活动。活动结束后，刘怀斌书记强调，要抓好落实。')]);
    const p = ps.find((x) => x.name === '刘怀斌')!;
    expect(p.posts.map((x) => [x.post, x.mentions])).toEqual([['红旗区委书记', 2]]);
  });

  it('completes a title from the only such post the name holds in the district elsewhere', () => {
    const ps = people([
      article('区人大常委会副主任张三带队检查。'),
      article('随后，张三副主任一行来到社区。'),
    ]);
    expect(posts(ps, '张三')).toEqual(['红旗区人大常委会副主任']);
    expect(ps.find((x) => x.name === '张三')!.articles).toHaveLength(2);
  });

  it('keeps a title alone when no context names its organisation', () => {
    const ps = people([article('当天，赵建国主任介绍了有关情况。')]);
    expect(posts(ps, '赵建国')).toEqual(['主任']);
  });

  it('names a person addressed as 同志 without giving a title', () => {
    const ps = people([article('大会选举李强同志为主任。')]);
    const p = ps.find((x) => x.name === '李强')!;
    expect(p.posts).toEqual([]);
    expect(p.confidence).toBe('low');
  });

  it('places 总书记 in the party centre, in no district', () => {
    const ps = people([article('学习贯彻习近平总书记重要讲话精神。'), article('深入学习习近平总书记关于树立正确政绩观的重要论述。', { district: '凤泉区' })]);
    expect(ps.map((p) => [p.id, p.district])).toEqual([['习近平@?', null]]);
    expect(posts(ps, '习近平')).toEqual(['中共中央总书记']);
  });

  it('reads no person from everyday words before a title', () => {
    const sentences = [
      '全体党员同志参加学习。', '办公室主任主持会议。', '文化站站长介绍情况。', '各位同志要提高认识。',
      '村党支部书记带头。', '驻村第一书记走访群众。', '高度重视书记抓党建工作。',
      '村委会主任参加。', '有关部门负责同志陪同。', '基层同志说，很受鼓舞。', '区直单位主要负责同志参加。',
      '纪委书记出席。', '人大常委会主任出席。', '老同志座谈会召开。', '党委书记主持。',
    ];
    for (const withTagger of [true, false]) {
      const ps = people(sentences.map((s) => article(s)), withTagger);
      expect(ps.map((p) => p.name), `tagger ${withTagger}`).toEqual([]);
    }
  });
});
