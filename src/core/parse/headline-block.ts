// The roles of the lines above a story: column (栏目), kicker (引题), headline (主题),
// subtitle (副题) and a commentary's author line. Markdown heading levels are used as hints.
import type { Span } from '../types';
import type { ClassifiedLine } from './classify';
import { isColumnHeader, isKickerish } from './classify';

/** The headline block of one article, each part with its source line(s). */
export interface HeadlineBlock {
  headline: string;
  kicker: string | null;
  subtitle: string | null;
  column: string | null;
  author: string | null;
  spans: { headline?: Span; kicker?: Span; subtitle?: Span; column?: Span; byline?: Span };
}

const DASH = /^[—–－\-―]{1,3}\s*/;

function joinSpan(lines: ClassifiedLine[]): Span | undefined {
  return lines.length ? { start: lines[0].span.start, end: lines[lines.length - 1].span.end } : undefined;
}

function text(lines: ClassifiedLine[]): string | null {
  return lines.length ? lines.map((l) => l.text).join(' ') : null;
}

/** Decide the role of every line of a run of title-like lines (and author lines). */
export function assignRoles(run: ClassifiedLine[]): HeadlineBlock {
  const columns: ClassifiedLine[] = [];
  const authors: ClassifiedLine[] = [];
  const titles: ClassifiedLine[] = [];
  let afterAuthor = false;
  for (const line of run) {
    if (line.kind === 'author') {
      authors.push(line);
      afterAuthor = true;
    } else if (afterAuthor || (isColumnHeader(line.text) && run.length > 1)) {
      // A title-like line after the author's name is the column the commentary sits in.
      columns.push(line);
    } else {
      titles.push(line);
    }
  }
  if (titles.length === 0 && columns.length) titles.push(columns.pop()!);

  let kicker: ClassifiedLine[] = [];
  let headline: ClassifiedLine[] = [];
  let subtitle: ClassifiedLine[] = [];
  const dashed = titles.findIndex((l, i) => i > 0 && DASH.test(l.text));
  const main = dashed > 0 ? titles.slice(0, dashed) : titles;
  if (dashed > 0) subtitle = titles.slice(dashed);

  const headings = main.filter((l) => l.heading > 0);
  if (main.length === 1) {
    headline = main;
  } else if (headings.length === 1) {
    // One Markdown heading among plain lines: it is the headline; lines above it are the
    // kicker, lines below it the subtitle.
    const at = main.indexOf(headings[0]);
    kicker = main.slice(0, at);
    headline = [headings[0]];
    subtitle = [...main.slice(at + 1), ...subtitle];
  } else if (dashed > 0) {
    // The dashed line is the subtitle, so the line(s) above the headline are the kicker.
    kicker = main.slice(0, -1);
    headline = main.slice(-1);
  } else if (main.length === 2) {
    const [a, b] = main;
    const kickerFirst =
      (a.heading > 0 && b.heading > a.heading) ||
      (a.heading === b.heading && (isKickerish(a.text) || a.text.length < b.text.length * 0.6));
    if (kickerFirst) {
      kicker = [a];
      headline = [b];
    } else {
      headline = [a];
      subtitle = [b, ...subtitle];
    }
  } else if (main.length > 2) {
    kicker = [main[0]];
    headline = [main[1]];
    subtitle = [...main.slice(2), ...subtitle];
  }

  const stripDash = (s: string | null) => (s ? s.replace(DASH, '') : s);
  return {
    headline: text(headline) ?? '',
    kicker: text(kicker),
    subtitle: stripDash(text(subtitle)),
    column: text(columns),
    author: authors.length ? authors.map((a) => a.value).join(' ') : null,
    spans: {
      headline: joinSpan(headline),
      kicker: joinSpan(kicker),
      subtitle: joinSpan(subtitle),
      column: joinSpan(columns),
      byline: joinSpan(authors),
    },
  };
}
