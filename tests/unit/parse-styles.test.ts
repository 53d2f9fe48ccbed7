// Page styles the sample bulletins do not show, built by hand from how other papers print:
// national-paper headline blocks (引题/主题/副题), wire leads, in-body subheads, commentaries,
// notices, page furniture, pages with no leads and no credits.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBulletin } from '../../src/core/parse';

const fixture = (name: string) =>
  parseBulletin(readFileSync(new URL(`../fixtures/styles/${name}`, import.meta.url), 'utf-8'), { fileName: name });

describe('headline blocks and leads of other papers', () => {
  const p = fixture('national.txt');

  it('reads a kicker phrase, headline and dashed subtitle above a 本报…电 lead', () => {
    const a = p.articles[0];
    expect(a.kicker).toBe('坚持人民至上 紧紧依靠人民');
    expect(a.headline).toBe('全省高质量发展现场推进会在郑州召开');
    expect(a.subtitle).toBe('各地交流经验做法，部署下一阶段重点任务');
    expect(a.lead).toBe('本报郑州6月9日电');
    expect(a.byline).toBe('记者 王小明、李红');
    expect(a.reporters).toEqual(['王小明', '李红']);
    expect(a.body.startsWith('6月9日上午')).toBe(true);
  });

  it('keeps in-body subheads and 核心阅读 boxes inside the article', () => {
    const a = p.articles[0];
    expect(a.body).toContain('核心阅读');
    expect(a.body).toContain('一、强化组织领导');
    expect(a.body).toContain('二、突出项目带动');
    expect(p.articles.map((x) => x.headline)).not.toContain('一、强化组织领导');
  });

  it('opens a headless story at a wire lead and takes its date as the dateline', () => {
    const wire = p.articles[1];
    expect(wire.headline).toBe('');
    expect(wire.flags.map((f) => f.type)).toContain('no-headline');
    expect(wire.lead).toBe('新华社北京6月9日电');
    expect(wire.dateline).toBe('6月9日');
    expect(wire.byline).toBe('记者 赵强');
    expect(p.articles[2].lead).toBe('据新华社西安6月8日电');
    expect(p.articles[2].dateline).toBe('近日');
  });
});

describe('pages without leads or credits', () => {
  it('takes every title line of a plain page with no leads as a headline', () => {
    const p = fixture('plain-no-leads.txt');
    expect(p.articles.map((a) => a.headline)).toEqual(['乡村振兴的金钥匙', '社区食堂开进百姓心坎', '让孩子们在家门口享受优质教育', '城市书房开到家门口']);
    expect(p.articles.every((a) => a.lead === null && a.credit === null)).toBe(true);
    expect(p.articles[0].body.split('\n')).toHaveLength(2);
  });

  it('reads a reporter line under the headline as the byline, not as a closing credit', () => {
    const a = fixture('plain-no-leads.txt').articles[3];
    expect(a.byline).toBe('本报记者 王晓明 通讯员 李红');
    expect(a.reporters).toEqual(['王晓明']);
    expect(a.correspondents).toEqual(['李红']);
    expect(a.body.startsWith('近日')).toBe(true);
    expect(a.dateline).toBe('近日');
  });

  it('takes a photo story signed … 摄 under an unsigned story as a story of its own', () => {
    const p = fixture('photo-after-open-story.txt');
    expect(p.articles.map((a) => [a.headline, a.kind])).toEqual([
      ['高新区召开安全生产会议', 'news'],
      ['夜色中的大沙河桥', 'photo'],
      ['宫卫红暗访检查安全生产工作', 'news'],
    ]);
    expect(p.articles[1]).toMatchObject({ credit: '本报记者 刘金元 摄', dateline: '6月25日' });
  });

  it('reads a commentary with its □author and a notice with its salutation', () => {
    const p = fixture('commentary-and-notice.md');
    expect(p.articles).toHaveLength(2);
    expect(p.articles[0]).toMatchObject({ kind: 'commentary', byline: '李文', headline: '让实干成为最鲜明的底色' });
    expect(p.articles[1]).toMatchObject({ kind: 'notice' });
    expect(p.articles[1].body.startsWith('各乡镇（街道）、区直各单位：')).toBe(true);
  });
});

describe('Markdown pages with subheads and page furniture', () => {
  const p = fixture('markdown-subheads.md');

  it('keeps ### and bold subheads inside the article under a ## headline', () => {
    expect(p.articles.map((a) => a.headline)).toEqual(['红旗区全力推进城市更新', '封丘县开展防汛应急演练']);
    expect(p.articles[0].body).toContain('一、高位推动抓统筹');
    expect(p.articles[0].body).toContain('二是突出重点抓攻坚');
    expect(p.articles[0].credit).toBe('红旗宣');
  });

  it('sets page headers aside as furniture and reads the date from them', () => {
    expect(p.fragments.map((f) => f.reason)).toEqual(['furniture', 'furniture']);
    expect(p.meta.date).toBe('2026-06-10');
    expect(p.meta.paper).toBe('新乡日报');
    expect(p.articles[0].date).toBe('2026-06-09');
    expect(p.articles[0].district).toBe('红旗区');
    expect(p.articles[1].district).toBe('封丘县');
  });
});

describe('dates from file names', () => {
  it('reads the issue date from 新乡日报_2026-06-10_04.txt and 20260610-04.md', () => {
    const text = '## 卫滨区召开会议\n\n本报讯 6月8日，卫滨区召开会议。(卫滨宣)\n';
    const a = parseBulletin(text, { fileName: 'papers/新乡日报_2026-06-10_04.txt' });
    expect(a.meta).toMatchObject({ paper: '新乡日报', date: '2026-06-10', dateSource: 'file-name' });
    expect(a.articles[0].date).toBe('2026-06-08');
    const b = parseBulletin(text, { fileName: '20260610-04.md' });
    expect(b.meta.date).toBe('2026-06-10');
    const c = parseBulletin(text.replace('6月8日', '12月30日'), { fileName: '20260103-01.md' });
    expect(c.articles[0].date).toBe('2025-12-30');
    const none = parseBulletin(text, { fileName: 'page.txt' });
    expect(none.articles[0].date).toBeNull();
  });

  it('reads full-width digits in datelines', () => {
    const p = parseBulletin('## 标题一则新闻\n\n本报讯 ６月２５日下午，某区召开会议。(某宣)\n', { fileName: '2026-07-01.txt' });
    expect(p.articles[0].dateline).toBe('６月２５日下午');
    expect(p.articles[0].date).toBe('2026-06-25');
  });
});
