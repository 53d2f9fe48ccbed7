// Repair and flag notes in the page's language. The parser writes each note as an English
// sentence of a fixed shape (src/core/repair/apply.ts, join.ts, parse/article.ts) for the CLI and
// the JSON; the page reads the facts back out of those shapes (the paragraph, the headline, the
// text dropped) and says them from messages*.ts. A note of a shape not known here is shown as
// written, so nothing is ever hidden.
import type { Flag, Repair } from '../../core/types';
import type { MessageKey } from '../messages';
import { i18n } from './i18n.svelte';
import { echoSource } from './inline-repairs';

const HEADLINE = /«([^»]*)»/;

/** What a repair did, said in the page's language. */
export function repairNoteText(r: Pick<Repair, 'type' | 'note'>): string {
  if (r.type === 'echo') {
    const src = echoSource(r.note);
    if (!src) return r.note;
    return src.alike === null ? i18n.t('repair.echoNote', { p: src.paragraph }) : i18n.t('repair.echoNoteAlike', { p: src.paragraph, s: src.alike });
  }
  if (r.type === 'join') {
    const dropped = /dropped 「([^」]*)」/.exec(r.note);
    if (dropped) return i18n.t('repair.joinDropped', { t: dropped[1] });
    return /^joined a sentence split by/.test(r.note) ? i18n.t('repair.joinNote') : r.note;
  }
  const headline = HEADLINE.exec(r.note);
  return headline ? i18n.t('repair.belongsTo', { h: headline[1] }) : r.note;
}

/** A flag's kind, as a word of the page. */
export function flagLabel(f: Pick<Flag, 'type'>): string {
  return i18n.t(`flag.${f.type}` as MessageKey);
}

/** What a flag says, in the page's language. */
export function flagNoteText(f: Pick<Flag, 'type' | 'note'>): string {
  if (f.type === 'no-headline' && /no headline/.test(f.note)) return i18n.t('flag.noHeadlineNote');
  const headline = f.type === 'foreign' ? HEADLINE.exec(f.note) : null;
  if (headline) return i18n.t('flag.pastedHere', { h: headline[1] });
  if (f.type === 'echo') return repairNoteText({ type: 'echo', note: f.note });
  return f.note;
}
