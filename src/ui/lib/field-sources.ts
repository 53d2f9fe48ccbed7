// Where each field of an article came from in the file. Most fields have a span recorded by the
// parser (Article.spans); reporters and correspondents are found inside the byline's span, the
// district inside the kicker, headline or lead it was read from; kind and the ISO date are
// inferred and say so (the date points at the dateline it was read from).
import type { ArticleDetail } from '../../core/store/types';
import type { Article, ArticleSpans, Span } from '../../core/types';
import type { MessageKey } from '../messages';

/** One field of the article view with the place(s) in the file it came from. */
export interface FieldSource {
  /** Stable name (data-field), also the highlight's key. */
  field: string;
  label: MessageKey;
  /** What the field holds, as shown; null when the parser found nothing. */
  value: string | null;
  /** Whole-file spans to highlight (empty: nothing in the file to point at). */
  spans: Span[];
  /** Why the field has no span of its own, or where it was found (`field`: a label to name). */
  note: { key: MessageKey; params?: Record<string, string>; field?: MessageKey } | null;
}

type SpanField = Exclude<keyof ArticleSpans, 'article' | 'paragraphs'>;

/** Where `needle` first occurs inside `within` (whole-file offsets), using the article's text. */
function locate(a: Article, needle: string, within: Span | undefined): Span | null {
  if (!needle || !within) return null;
  const base = a.spans.article.start;
  const from = Math.max(0, within.start - base);
  const at = a.original.indexOf(needle, from);
  if (at < 0 || base + at + needle.length > within.end) return null;
  return { start: base + at, end: base + at + needle.length };
}

/** Each name found inside the first of `places` that holds it. */
function locateNames(a: Article, names: string[], places: Array<Span | undefined>): Span[] {
  const spans: Span[] = [];
  for (const name of names) {
    for (const place of places) {
      const s = locate(a, name, place);
      if (s) {
        spans.push(s);
        break;
      }
    }
  }
  return spans;
}

/** The district as written (红旗区), else its name without the unit (红旗), in the likely places. */
function locateDistrict(a: Article): { spans: Span[]; field: MessageKey | null } {
  if (!a.district) return { spans: [], field: null };
  const s = a.spans;
  const places: Array<[MessageKey, Span | undefined]> = [
    ['article.kicker', s.kicker], ['article.headline', s.headline], ['article.subtitle', s.subtitle],
    ['article.column', s.column], ['article.lead', s.lead], ['article.byline', s.byline], ['article.body', s.article],
  ];
  const short = a.district.length > 2 ? a.district.replace(/(自治县|区|县|市|旗|镇|乡)$/, '') : a.district;
  for (const name of [...new Set([a.district, short])]) {
    for (const [label, place] of places) {
      const found = locate(a, name, place);
      if (found) return { spans: [found], field: label };
    }
  }
  return { spans: [], field: null };
}

/** Every parsed field of the article in the order the view lists them. */
export function fieldSources(detail: ArticleDetail, kindLabel: string): FieldSource[] {
  const a = detail.article;
  const s = a.spans;
  const own = (field: SpanField, label: MessageKey, value: string | null): FieldSource => ({
    field, label, value, spans: value && s[field] ? [s[field]!] : [], note: null,
  });
  const people = (field: 'reporters' | 'correspondents', label: MessageKey): FieldSource => {
    const names = a[field];
    const spans = locateNames(a, names, [s.byline, s.credit, s.article]);
    const note = spans.length && s.byline && spans.every((x) => x.start >= s.byline!.start && x.end <= s.byline!.end)
      ? { key: 'article.foundIn' as const, field: 'article.byline' as const } : null;
    return { field, label, value: names.join('、') || null, spans, note };
  };
  const district = locateDistrict(a);
  return [
    own('kicker', 'article.kicker', a.kicker),
    own('headline', 'article.headline', a.headline),
    own('subtitle', 'article.subtitle', a.subtitle),
    own('column', 'article.column', a.column),
    { field: 'kind', label: 'article.kind', value: kindLabel, spans: [], note: { key: 'article.derived' } },
    own('lead', 'article.lead', a.lead),
    own('dateline', 'article.dateline', a.dateline),
    {
      field: 'date', label: 'article.date', value: a.date,
      spans: a.date && s.dateline ? [s.dateline] : [],
      note: a.date && a.dateline ? { key: 'article.dateDerived', params: { dateline: a.dateline } } : null,
    },
    own('byline', 'article.byline', a.byline),
    people('reporters', 'article.reporters'),
    people('correspondents', 'article.correspondents'),
    own('credit', 'article.credit', a.credit),
    {
      field: 'district', label: 'article.district', value: a.district, spans: district.spans,
      note: !a.district ? null : district.field ? { key: 'article.foundIn', field: district.field } : { key: 'article.derived' },
    },
  ];
}
