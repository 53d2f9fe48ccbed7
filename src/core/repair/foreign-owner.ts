// Which of two copies of a shared passage is the pasted intruder, and a sentence saying why.
//
// The owner is the article that CONTINUES the passage: there the passage runs on in the same
// sentence or paragraph, while the intruding copy tends to stand at a paragraph's edge, often cut
// mid-sentence by the layout. The owner's lead names the people the passage quotes (魏海晓强调…),
// its headline shares the passage's words, and the rest of the owner's text shares its wording.
// Each cue adds to a score; the reason lists the cues that spoke for the owner.
import { SENTENCE_END, type ContentStream, contentOf } from './text-units';
import type { ForeignInput } from './foreign';

/** One copy of a shared passage: its article, paragraph and content range. */
export interface CopySide {
  article: number;
  paragraph: number;
  c0: number;
  c1: number;
  stream: ContentStream;
  input: ForeignInput;
}

/** The verdict on a shared passage. */
export interface OwnerDecision {
  owner: CopySide;
  intruder: CopySide;
  reason: string;
}

/** Verbs that follow a person's name in reports (刘怀斌强调, 乔耸一行, 李博主持). */
const NAME_BEFORE = /(?:强调|指出|表示|要求|说|介绍|主持|带队|一行|调研|察看|查看|检查|讲话|听取|看望|慰问|部署|提出|希望)/gu;
/** Characters of titles and organisations, not of given names (书记强调, 会议指出, 区委要求). */
const NOT_NAME = /[区县市省委会部局镇村乡街组长记任员书议们家全党政府办处科队站社他她我大工作的了和与在是要为等这其]/u;
/** Content characters around a copy that still count as "at the paragraph's edge". */
const EDGE = 3;

interface Cues {
  before: number;
  after: number;
  /** The copy could be a paste here: it starts its paragraph or a sentence, and ends its
   *  paragraph or a sentence (a few characters of slack for edits at its ends). */
  detached: boolean;
  runsOn: boolean;
  goesOn: boolean;
  begunBefore: boolean;
  cut: boolean;
  isolated: boolean;
  /** The copy opens the article's lead paragraph, or is most of the article: its own text. */
  opensLead: boolean;
  wholeArticle: boolean;
  leadNames: string[];
  otherNames: string[];
  headlineShared: string[];
  context: number;
}

function lastNonSpace(s: string): string {
  const t = s.trimEnd();
  return t[t.length - 1] ?? '';
}

/** Is there a sentence boundary (or the paragraph's edge) within EDGE content characters of raw
 *  offset `at`, looking forwards (dir 1) or backwards (dir -1)? */
function sentenceBoundaryNear(text: string, at: number, dir: 1 | -1): boolean {
  let seen = 0;
  for (let i = dir === 1 ? at : at - 1; i >= 0 && i < text.length; i += dir) {
    const ch = text[i];
    if (SENTENCE_END.has(ch)) return true;
    if (/[\p{L}\p{N}]/u.test(ch) && ++seen > EDGE) return false;
  }
  return true;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 2 <= s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Personal names the passage quotes: 2-3 Han characters right before a reporting verb. */
export function quotedNames(passage: string): string[] {
  const c = contentOf(passage);
  const names = new Set<string>();
  for (const m of c.matchAll(NAME_BEFORE)) {
    for (const len of [3, 2]) {
      const name = c.slice(Math.max(0, m.index - len), m.index);
      if (name.length === len && /^\p{Script=Han}+$/u.test(name) && !NOT_NAME.test(name)) names.add(name);
    }
  }
  return [...names];
}

function cues(side: CopySide, names: string[], passage: Set<string>): Cues {
  const { stream: st, paragraph: p, c0, c1, input } = side;
  const text = input.paragraphs[p];
  const before = c0 - st.paraStart[p];
  const after = st.paraEnd[p] - c1;
  const rawStart = st.raw[c0];
  const rawEnd = st.raw[c1 - 1] + 1;
  const endsSentence = sentenceBoundaryNear(text, rawEnd, 1);
  const startsSentence = sentenceBoundaryNear(text, rawStart, -1);
  const runsOn = after > EDGE && !endsSentence;
  const begunBefore = before > EDGE && !startsSentence;
  const cut = after <= EDGE && !/[。！？!?；;”’」』）)…]/.test(lastNonSpace(text));
  // names and wording are looked for OUTSIDE the copy itself
  const outside = (q: number) => (q === p ? text.slice(0, rawStart) + '\n' + text.slice(rawEnd) : input.paragraphs[q]);
  const lead = input.headline + '\n' + outside(0);
  const rest = input.paragraphs.map((_, q) => (q === 0 ? '' : outside(q))).join('\n');
  const restContent = contentOf(input.paragraphs.map((_, q) => outside(q)).join('\n'));
  const restBigrams = bigrams(restContent);
  let sharedCount = 0;
  for (const g of passage) if (restBigrams.has(g)) sharedCount++;
  const headlineBigrams = bigrams(contentOf(input.headline));
  return {
    before, after, runsOn, begunBefore, cut,
    detached: (before <= EDGE || startsSentence) && (after <= EDGE || endsSentence),
    goesOn: after > EDGE && !runsOn,
    isolated: before <= EDGE && after <= EDGE,
    opensLead: p === 0 && before <= EDGE,
    wholeArticle: (c1 - c0) >= 0.8 * st.paraEnd.reduce((sum, e, q) => sum + e - st.paraStart[q], 0),
    leadNames: names.filter((n) => lead.includes(n)),
    otherNames: names.filter((n) => rest.includes(n)),
    headlineShared: [...passage].filter((g) => headlineBigrams.has(g)),
    context: passage.size ? sharedCount / passage.size : 0,
  };
}

function shortHeadline(h: string): string {
  const t = h.replace(/\s+/g, '');
  return t.length > 8 ? t.slice(0, 8) + '…' : t;
}

/** Keep the longest of overlapping names (魏海晓 over 海晓). */
function distinctNames(names: string[]): string[] {
  return names.filter((n) => !names.some((m) => m !== n && m.includes(n)));
}

/**
 * Decide which copy of a shared passage intrudes. Only a detached copy (one that starts its
 * paragraph or a sentence and ends its paragraph or a sentence) can be pasted; null when neither
 * is: two articles running the same formula on inside their own sentences are not a paste.
 */
export function decideOwner(x: CopySide, y: CopySide): OwnerDecision | null {
  const passageText = x.input.paragraphs[x.paragraph].slice(x.stream.raw[x.c0], x.stream.raw[x.c1 - 1] + 1);
  const names = quotedNames(passageText);
  const passage = bigrams(contentOf(passageText));
  const cx = cues(x, names, passage);
  const cy = cues(y, names, passage);
  // a copy that runs on in a sentence on both sides of the page is a shared formula or quotation
  if (!cx.detached && !cy.detached) return null;
  const score = (me: Cues, other: Cues): number =>
    (me.wholeArticle ? 5 : 0) + (me.opensLead && !other.opensLead ? 3 : 0) +
    (me.runsOn ? 3 : 0) + (me.goesOn ? 1 : 0) + (me.begunBefore ? 2 : 0) + (other.cut ? 2 : 0) +
    (me.leadNames.length && !other.leadNames.length ? 3 : 0) +
    (me.otherNames.length && !other.otherNames.length ? 1 : 0) +
    (me.headlineShared.length > other.headlineShared.length ? 1 : 0) +
    (me.context - other.context >= 0.1 ? 2 : me.context - other.context >= 0.03 ? 1 : 0);
  const sx = score(cx, cy);
  const sy = score(cy, cx);
  let xOwns = sx > sy;
  if (cx.detached !== cy.detached) xOwns = !cx.detached; // only a detached copy can be pasted
  else if (sx === sy) {
    // no cue decides: the copy with more wording in common with the rest of its article owns it,
    // then the one whose paragraph does not consist of the passage alone
    xOwns = cx.context !== cy.context ? cx.context > cy.context : !cx.isolated && cy.isolated;
  }
  const [owner, intruder, co, ci] = xOwns ? [x, y, cx, cy] : [y, x, cy, cx];
  return { owner, intruder, reason: explain(owner, intruder, co, ci, sx === sy && cx.detached === cy.detached) };
}

function explain(owner: CopySide, intruder: CopySide, co: Cues, ci: Cues, weak: boolean): string {
  const parts: string[] = [];
  const lead = distinctNames(co.leadNames);
  if (lead.length && !ci.leadNames.length) {
    parts.push(`whose lead names ${lead.join(', ')}; article ${intruder.article + 1}'s lead does not`);
  }
  if (co.wholeArticle) parts.push('there it is nearly the whole article');
  else if (co.opensLead && !ci.opensLead) parts.push('there it opens the lead paragraph');
  if (co.runsOn) parts.push('there the passage runs on in the same sentence');
  else if (co.begunBefore) parts.push('there its sentence begins before it');
  else if (co.goesOn) parts.push('there its paragraph goes on past it');
  if (ci.isolated && ci.cut) parts.push('here it is a paragraph of its own, cut mid-sentence');
  else if (ci.cut) parts.push('here it is cut mid-sentence at the end of its paragraph');
  else if (ci.isolated) parts.push('here it is a paragraph of its own');
  if (co.headlineShared.length > ci.headlineShared.length) {
    parts.push(`its headline shares ${co.headlineShared.slice(0, 3).join(', ')} with the passage`);
  }
  if (co.context > ci.context) {
    parts.push(`the rest of that article shares more of its wording (${Math.round(co.context * 100)}% vs ${Math.round(ci.context * 100)}%)`);
  }
  if (weak) parts.push('(weak evidence)');
  const head = `continues in article ${owner.article + 1} («${shortHeadline(owner.input.headline)}»)`;
  if (!parts.length) return head;
  return lead.length && !ci.leadNames.length ? `${head}, ${parts.join('; ')}` : `${head}: ${parts.join('; ')}`;
}

