// Article boundaries. Walks the classified lines once and decides, from context, whether a run
// of title-like lines opens a new article, is an in-body subhead, or continues a paragraph cut
// by a column break. Paragraphs with no headline after a closed article become fragments.
import type { ClassifiedLine } from './classify';
import { isColumnHeader, isKickerish, isSubheadText } from './classify';
import { trailingCredit } from './credit';
import { endsSentence } from './patterns';

/** A body paragraph of a draft article, with whether it may be joined to the one before. */
export interface DraftParagraph {
  line: ClassifiedLine;
  /** False for subheads and the paragraph after one: a break never runs across them. */
  joinable: boolean;
  subhead: boolean;
}

/** An article as the segmenter found it, before its parts are read. */
export interface DraftArticle {
  run: ClassifiedLine[];
  paragraphs: DraftParagraph[];
  credits: ClassifiedLine[];
  /** Reporter lines under the headline (本报记者 王某 通讯员 李某): the byline. */
  bylines: ClassifiedLine[];
  /** True once a credit closed the article: what follows without a headline is an orphan. */
  closed: boolean;
}

/** The segmenter's output: article drafts and the lines that belong to none. */
export interface Segmentation {
  articles: DraftArticle[];
  orphans: Array<{ line: ClassifiedLine; reason: 'orphan' | 'preamble' | 'furniture' }>;
}

/** Document-wide habits that change how much a title-like line proves. */
interface PageHabits {
  leadDominant: boolean;
  headlineLevel: number;
}

function readHabits(lines: ClassifiedLine[]): PageHabits {
  let leads = 0;
  let runs = 0;
  const levels = new Map<number, number>();
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].kind === 'lead') leads++;
    if (lines[i].kind === 'title' && (i === 0 || lines[i - 1].kind !== 'title')) runs++;
    if (lines[i].heading > 0 && lines[i + 1]?.kind === 'lead') {
      levels.set(lines[i].heading, (levels.get(lines[i].heading) ?? 0) + 1);
    }
  }
  let headlineLevel = 0;
  let best = 0;
  for (const [lvl, n] of levels) if (n > best) [headlineLevel, best] = [lvl, n];
  return { leadDominant: leads >= 2 && leads >= runs * 0.5, headlineLevel };
}

type RunVerdict = 'article' | 'subhead' | 'continuation';

/** True when the text under a title, up to the next title or lead, is signed with a photo
 *  credit (… 摄): a photo story of its own, not a subhead of the story above. */
function endsWithPhotoCredit(lines: ClassifiedLine[], from: number): boolean {
  for (let k = from; k < Math.min(lines.length, from + 12); k++) {
    const l = lines[k];
    if (l.kind === 'title' || l.kind === 'lead' || l.kind === 'author') return false;
    if (l.kind === 'credit') return /(?:摄|摄影)$/.test(l.value ?? '');
    const tc = trailingCredit(l.text);
    if (tc) return /(?:摄|摄影)$/.test(tc.credit);
  }
  return false;
}

function judgeRun(run: ClassifiedLine[], lines: ClassifiedLine[], j: number, cur: DraftArticle | null, habits: PageHabits): RunVerdict {
  const next = lines[j];
  const titles = run.filter((l) => l.kind === 'title');
  const lastPara = cur?.paragraphs[cur.paragraphs.length - 1];
  const first = titles[0] ?? run[0];
  const single = titles.length === 1 && run.length === 1;
  const plain = first.heading === 0 && !first.bold;
  // A lone plain line right after a paragraph cut mid-sentence is the rest of that sentence.
  if (cur && !cur.closed && single && plain && lastPara && !lastPara.subhead && !endsSentence(lastPara.line.text) && next?.kind !== 'lead') {
    return 'continuation';
  }
  if (!next || next.kind === 'credit' && !cur) return cur ? 'subhead' : 'article';
  if (next.kind === 'lead') return 'article';
  if (!cur || cur.closed || cur.paragraphs.length === 0) return 'article';
  let score = 0;
  if (run.some((l) => l.kind === 'author')) score += 3;
  if (titles.length >= 2) score += 2;
  if (titles.length >= 3) score += 1;
  // A page column header or a unit/place kicker above another title line frames a new story.
  if (titles.length >= 2 && titles.slice(0, -1).some((l) => isColumnHeader(l.text))) score += 3;
  else if (titles.length >= 2 && isKickerish(titles[0].text)) score += 1;
  if (titles.some((l) => l.heading > 0)) {
    const lvl = Math.min(...titles.filter((l) => l.heading > 0).map((l) => l.heading));
    if (habits.headlineLevel && lvl <= habits.headlineLevel) score += 3;
    else if (!habits.headlineLevel) score += 2;
    else score -= 1;
  }
  if (single && first.bold && first.heading === 0) score -= 2;
  if (titles.some((l) => isSubheadText(l.text))) score -= 4;
  if (!habits.leadDominant) score += 3;
  if (endsWithPhotoCredit(lines, j)) score += 3;
  return score >= 3 ? 'article' : 'subhead';
}

function newDraft(run: ClassifiedLine[]): DraftArticle {
  return { run, paragraphs: [], credits: [], bylines: [], closed: false };
}

/** Group classified lines into draft articles and orphan lines. */
export function segment(lines: ClassifiedLine[]): Segmentation {
  const habits = readHabits(lines);
  const articles: DraftArticle[] = [];
  const orphans: Segmentation['orphans'] = [];
  let cur: DraftArticle | null = null;
  let afterSubhead = false;

  const addParagraph = (line: ClassifiedLine, subhead = false) => {
    if (!cur || cur.closed) {
      orphans.push({ line, reason: articles.length ? 'orphan' : 'preamble' });
      return;
    }
    cur.paragraphs.push({ line, joinable: !subhead && !afterSubhead, subhead });
    afterSubhead = subhead;
    // A credit at the end of a paragraph signs the story off.
    if (!subhead && trailingCredit(line.text)) cur.closed = true;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind === 'furniture') {
      orphans.push({ line, reason: 'furniture' });
      continue;
    }
    if (line.kind === 'title' || (line.kind === 'author' && (!cur || cur.paragraphs.length > 0))) {
      let j = i;
      while (j < lines.length && (lines[j].kind === 'title' || lines[j].kind === 'author')) j++;
      const run = lines.slice(i, j);
      if (!run.some((l) => l.kind === 'title')) {
        // Author lines with no title: keep them as text of whatever they are in.
        run.forEach((l) => addParagraph(l));
        i = j - 1;
        continue;
      }
      const verdict = judgeRun(run, lines, j, cur, habits);
      if (verdict === 'article') {
        cur = newDraft(run);
        articles.push(cur);
        afterSubhead = false;
      } else if (verdict === 'continuation') {
        addParagraph(run[0]);
        continue; // only this one line is consumed
      } else {
        run.forEach((l) => addParagraph(l, l.kind === 'title'));
      }
      i = j - 1;
    } else if (line.kind === 'author') {
      // An author line right under the headline (before any body): the commentary's byline.
      cur!.run.push(line);
    } else if (line.kind === 'credit' && cur && !cur.closed && cur.paragraphs.length === 0 && cur.run.length > 0) {
      // A reporter line between the headline and the text signs the story at its top.
      cur.bylines.push(line);
    } else if (line.kind === 'credit') {
      const prev = lines[i - 1];
      if (cur && (!cur.closed || (prev && prev.kind === 'credit' && cur.credits.includes(prev)))) {
        cur.credits.push(line);
        cur.closed = true;
      } else {
        orphans.push({ line, reason: articles.length ? 'orphan' : 'preamble' });
      }
    } else if (line.kind === 'lead' && (!cur || cur.closed || cur.paragraphs.length > 0)) {
      // A lead with no headline above it: a new story whose headline was lost.
      cur = newDraft([]);
      articles.push(cur);
      afterSubhead = false;
      addParagraph(line);
    } else {
      addParagraph(line);
    }
  }
  return { articles, orphans };
}
