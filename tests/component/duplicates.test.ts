// The Duplicates view and the load summary in jsdom: duplicate files named with what they
// duplicate, clusters with printings side by side and their differences marked (as text, never
// HTML), split / merge / undo sent to the worker, and the counts of the load summary.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sideBySide } from '../../src/core/diff/index';
import DuplicatesView from '../../src/ui/components/DuplicatesView.svelte';
import LoadSummary from '../../src/ui/components/LoadSummary.svelte';
import { DedupDesk } from '../../src/ui/lib/dedup-desk.svelte';
import { i18n } from '../../src/ui/lib/i18n.svelte';
import type { ClusterView, DedupPage, DedupSummary, PrintingView } from '../../src/worker/dedup-protocol';
import { FakeClient } from './fake-client.svelte';

beforeEach(() => i18n.set('zh'));

const summary = (over: Partial<DedupSummary> = {}): DedupSummary => ({
  duplicateFiles: 1, reprintedStories: 2, reprintPrintings: 5, echoes: 3, pasted: 1, joins: 7, fragments: 4,
  orphans: 2, decisions: 1, clusterMs: 12.4, articles: 60, ...over,
});

function printing(id: number, headline: string, body: string, file = `f${id}.txt`): PrintingView {
  return { articleId: id, ref: `abc.${id}`, bulletinId: id, index: 0, file, paper: '新乡日报', date: '2026-06-10', headline, credit: null, body };
}

function cluster(id: number, canonical: PrintingView, others: PrintingView[]): ClusterView {
  return {
    id,
    canonical,
    others: others.map((p) => {
      const d = sideBySide(canonical.body, p.body);
      const h = sideBySide(canonical.headline, p.headline);
      return {
        ...p, similarity: 0.9, headlineDiff: { canonical: h.left, printing: h.right },
        diff: { canonical: d.left, printing: d.right, removed: d.removed, added: d.added, moved: 0 },
      };
    }),
  };
}

const A = printing(1, '封丘县召开防汛工作会议', '会议要求压实防汛责任。\n各村组建抢险队伍十二支。\n<img src=x onerror=alert(1)>县长讲话。');
const B = printing(2, '聚焦:封丘县召开防汛会议', '会议要求压实防汛责仼。\n<img src=x onerror=alert(1)>县长讲话。', '转载.txt');
const C = printing(3, '红旗区举办非遗剪纸展览', '展出作品一百二十件,多为传承人近年新作。');
const D = printing(4, '非遗剪纸展览开幕', '展出作品一百二十件,多为传承人新作。');

function page(over: Partial<DedupPage> = {}): DedupPage {
  return {
    total: 2, offset: 0, limit: 10,
    clusters: [cluster(1, A, [B]), cluster(3, C, [D])],
    duplicateFiles: [{ name: '副本_GBK.txt', match: 'text', encoding: 'gb18030', of: { id: 1, name: '新乡日报_04.txt', encoding: 'utf-8' } }],
    decisions: [{ seq: 4, together: false, decidedAt: '2026-06-10T00:00:00Z', subject: { ref: 'abc.9', articleId: 9, headline: '某篇报道', file: 'x.txt' }, printings: [{ ref: 'abc.1', articleId: 1, headline: A.headline, file: A.file }] }],
    summary: summary(),
    ...over,
  };
}

function setup(p = page()) {
  const client = new FakeClient();
  client.handlers['dedup-page'] = () => p;
  client.handlers['dedup-split'] = () => summary({ reprintedStories: 1 });
  client.handlers['dedup-merge'] = () => summary({ reprintedStories: 1 });
  client.handlers['dedup-undo'] = () => summary({ decisions: 0 });
  const changed = vi.fn();
  const desk = new DedupDesk(client, changed);
  const onopenarticle = vi.fn();
  render(DuplicatesView, { desk, onopenarticle });
  return { client, desk, changed, onopenarticle };
}

describe('DuplicatesView', () => {
  it('lists duplicate files with the bulletin each duplicates', async () => {
    const { desk } = setup();
    await desk.refresh();
    const row = await screen.findByTestId('duplicate-file');
    expect(row).toHaveAttribute('data-of', '新乡日报_04.txt');
    expect(row).toHaveTextContent('副本_GBK.txt');
    expect(row).toHaveTextContent('与 新乡日报_04.txt 文字相同(GB18030 / UTF-8)');
  });

  it('shows each cluster\'s printings side by side with the differences marked, as text', async () => {
    const { desk, onopenarticle } = setup();
    await desk.refresh();
    const [card] = await screen.findAllByTestId('cluster-card');
    const [canonical, compared] = within(card).getAllByTestId('printing');
    expect(canonical).toHaveAttribute('data-role', 'canonical');
    expect(canonical).toHaveTextContent('主版本');
    expect(compared).toHaveAttribute('data-role', 'compared');
    // The dropped sentence is struck on the canonical side, the typo marked on the reprint's.
    const removed = [...canonical.querySelectorAll('del[data-change="removed"]')].map((e) => e.textContent).join('');
    expect(removed).toContain('各村组建抢险队伍十二支');
    expect([...compared.querySelectorAll('ins[data-change="added"]')].map((e) => e.textContent)).toContain('仼');
    // Corpus text is text: the markup in it is shown, never run.
    expect(card.querySelector('img')).toBeNull();
    expect(compared).toHaveTextContent('<img src=x onerror=alert(1)>县长讲话。');
    expect(within(card).getByTestId('also-appeared')).toHaveTextContent('转载.txt');
    await userEvent.click(within(compared).getByTestId('printing-open'));
    expect(onopenarticle).toHaveBeenCalledWith(2);
  });

  it('sends a split of the printing clicked, then shows the page again and refreshes search', async () => {
    const { client, desk, changed } = setup();
    await desk.refresh();
    const [card] = await screen.findAllByTestId('cluster-card');
    await userEvent.click(within(within(card).getAllByTestId('printing')[1]).getByTestId('cluster-split'));
    await waitFor(() => expect(changed).toHaveBeenCalled());
    expect(client.calls).toContainEqual(['dedup-split', { articleId: 2 }]);
    expect(client.calls.filter(([t]) => t === 'dedup-page').length).toBe(2);
  });

  it('merges only when two stories are selected', async () => {
    const { client, desk } = setup();
    await desk.refresh();
    const merge = await screen.findByTestId('cluster-merge');
    expect(merge).toBeDisabled();
    const boxes = screen.getAllByTestId('cluster-select');
    await userEvent.click(boxes[0]);
    expect(merge).toBeDisabled();
    await userEvent.click(boxes[1]);
    expect(merge).toBeEnabled();
    await userEvent.click(merge);
    await waitFor(() => expect(client.calls).toContainEqual(['dedup-merge', { articleIds: [1, 3] }]));
  });

  it('lists the user\'s decisions with an undo', async () => {
    const { client, desk } = setup();
    await desk.refresh();
    const decision = await screen.findByTestId('story-decision');
    expect(decision).toHaveTextContent('拆出《某篇报道》,不与 《封丘县召开防汛工作会议》 视为同一篇');
    await userEvent.click(within(decision).getByTestId('decision-undo'));
    await waitFor(() => expect(client.calls).toContainEqual(['dedup-undo', { seq: 4 }]));
  });

  it('says so when no story was printed twice, and shows the worker\'s refusal', async () => {
    const { client, desk } = setup(page({ total: 0, clusters: [], decisions: [], duplicateFiles: [] }));
    await desk.refresh();
    expect(await screen.findByTestId('clusters-none')).toHaveTextContent('没有发现转载');
    client.handlers['dedup-undo'] = () => { throw new Error('there is no such decision'); };
    await desk.undo(99);
    expect(await screen.findByTestId('dup-error')).toHaveTextContent('there is no such decision');
  });
});

describe('LoadSummary', () => {
  it('counts duplicate files, reprints, echoes, pasted passages and fragments, and opens the view', async () => {
    const onopen = vi.fn();
    render(LoadSummary, { summary: summary(), onopen });
    const box = screen.getByTestId('load-summary');
    expect(screen.getByTestId('summary-duplicate-files')).toHaveAttribute('data-value', '1');
    expect(box).toHaveTextContent('重复文件 1');
    expect(box).toHaveTextContent('转载报道 2(5 次刊登)');
    expect(box).toHaveTextContent('重复段落 3');
    expect(box).toHaveTextContent('串文 1');
    expect(box).toHaveTextContent('碎片 4(孤立段落 2)');
    await userEvent.click(screen.getByTestId('summary-open'));
    expect(onopen).toHaveBeenCalled();
  });

  it('speaks English with plurals, and shows nothing for an empty corpus', () => {
    i18n.set('en');
    const { unmount } = render(LoadSummary, { summary: summary({ duplicateFiles: 1, echoes: 1 }) });
    expect(screen.getByTestId('load-summary')).toHaveTextContent('1 duplicate file');
    expect(screen.getByTestId('load-summary')).toHaveTextContent('2 reprinted stories (5 printings)');
    unmount();
    render(LoadSummary, { summary: summary({ articles: 0, duplicateFiles: 0 }) });
    expect(screen.queryByTestId('load-summary')).toBeNull();
  });
});
