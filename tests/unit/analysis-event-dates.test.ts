// Event dates in article text (6月8日, 8日上午, 2026年6月) made full dates with the year and month
// the article's date supplies, and the corpus timeline built from them.
import { describe, expect, it } from 'vitest';
import { eventDates, timeline, timelineCsv, type AnalysisDoc } from '../../src/core/analysis/index';

const dates = (text: string, ref: string | null) => eventDates(text, ref).map((e) => e.date);

describe('event dates', () => {
  it('reads full, month-day, day-with-time and month dates', () => {
    const got = eventDates('2026年6月8日上午召开会议，6月10日至12日检查，9日下午座谈，2026年6月完成，7月份验收。', '2026-06-08');
    expect(got.map((e) => [e.written, e.date, e.precision, e.inferred])).toEqual([
      ['2026年6月8日', '2026-06-08', 'day', 'none'],
      ['6月10日', '2026-06-10', 'day', 'year'],
      ['12日', '2026-06-12', 'day', 'year'],
      ['9日', '2026-06-09', 'day', 'month'],
      ['2026年6月', '2026-06', 'month', 'none'],
      ['7月', '2026-07', 'month', 'year'],
    ]);
  });

  it('rolls the year over: a December bulletin\'s 1月 is next January, a January bulletin\'s 12月 last December', () => {
    expect(dates('1月5日起施行', '2025-12-28')).toEqual(['2026-01-05']);
    expect(dates('12月30日召开', '2026-01-03')).toEqual(['2025-12-30']);
    expect(dates('6月8日', '2026-01-03')).toEqual(['2026-06-08']);
    // A day alone near a month's turn is in the nearer month.
    expect(dates('30日下午', '2026-07-02')).toEqual(['2026-06-30']);
    expect(dates('2日上午', '2026-06-29')).toEqual(['2026-07-02']);
  });

  it('uses the year alone when the article is dated only to a year', () => {
    expect(dates('6月8日召开', '2026')).toEqual(['2026-06-08']);
    expect(eventDates('8日上午', '2026')[0]).toMatchObject({ date: null, inferred: 'month' });
    expect(eventDates('6月8日', null)[0]).toMatchObject({ date: null, inferred: 'year', written: '6月8日' });
  });

  it('skips durations, years alone, impossible dates and numbers that only look like dates', () => {
    expect(dates('3日内完成整改，2026年度目标，2月30日，12.5月，第15日', '2026-06-08')).toEqual([]);
    expect(dates('２０２６年６月８日', null)).toEqual(['2026-06-08']);
  });
});

function doc(id: number, date: string | null, body: string): AnalysisDoc {
  return { id, headline: '', subtitle: null, kicker: null, body, segHeadline: '', segKicker: '', segBody: '', date, district: null, paper: null };
}

describe('the corpus timeline', () => {
  it('counts articles and named dates per month, keeping empty months, widening the span by dates named within the articles\' years, and counting what it leaves out', () => {
    const report = timeline([
      doc(1, '2026-01-05', '1月3日召开，1月3日再次提到，2月1日起施行。'),
      doc(2, '2026-03-02', '3月1日上午检查。1949年10月1日。'),
      doc(3, '2026', '8日上午座谈。4月2日调研。'),
      doc(4, null, '无日期'),
    ]);
    expect(report.months.map((m) => [m.month, m.articles, m.events, m.eventArticles])).toEqual([
      ['2026-01', 1, 1, 1], ['2026-02', 0, 1, 1], ['2026-03', 1, 1, 1], ['2026-04', 0, 1, 1],
    ]);
    expect(report).toMatchObject({ undatedArticles: 2, eventsUndated: 1, eventsOutside: 1 });
    expect(timelineCsv(report).split('\r\n').slice(0, 2)).toEqual(['\ufeffmonth,articles,event_dates,articles_naming_dates', '2026-01,1,1,1']);
  });
});
