// The bulletin view: the list of bulletins, one bulletin's articles and fragments in page order
// with each fragment's reason, and the paper/date correction (checked before it is sent).
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import BulletinList from '../../src/ui/components/BulletinList.svelte';
import BulletinView from '../../src/ui/components/BulletinView.svelte';
import type { BulletinDetail } from '../../src/core/store/bulletin-types';
import type { BulletinRow } from '../../src/core/store/types';
import { BulletinDesk } from '../../src/ui/lib/bulletin-desk.svelte';
import { i18n } from '../../src/ui/lib/i18n.svelte';
import { FakeClient } from './fake-client.svelte';

beforeEach(() => i18n.set('zh'));

function row(over: Partial<BulletinRow> = {}): BulletinRow {
  return {
    id: 1, addedOrder: 1, name: '新乡日报_2026-06-10_04.txt', path: '新乡日报_2026-06-10_04.txt', source: 'file',
    sha256: 'a'.repeat(64), size: 2048, encoding: 'gb18030', error: null, paper: '新乡日报', date: '2026-06-10',
    articles: 2, fragments: 1, ...over,
  };
}

function bulletin(over: Partial<BulletinDetail> = {}): BulletinDetail {
  return {
    bulletin: { ...row(), dateSource: 'file-name', bom: false, textLength: 900 },
    correction: null,
    pieces: [
      { type: 'fragment', id: 5, index: 0, start: 0, end: 12, reason: 'furniture', text: '新乡日报 第04版', length: 9 },
      { type: 'article', id: 11, index: 0, start: 14, end: 400, headline: '封丘县召开防汛会议', kicker: '封丘县防汛办', kind: 'news', dateline: '6月8日', date: '2026-06-08', district: '封丘县', repairs: 1, flags: 0, excerpt: '会议' },
      { type: 'fragment', id: 6, index: 1, start: 402, end: 460, reason: 'orphan', text: '没有标题的一段话。', length: 9 },
      { type: 'article', id: 12, index: 1, start: 462, end: 900, headline: '高新区科技活动周', kicker: null, kind: 'photo', dateline: null, date: null, district: '高新区', repairs: 0, flags: 0, excerpt: '' },
    ],
    ...over,
  };
}

describe('BulletinList', () => {
  it('shows every bulletin with encoding, paper, date, counts and status, and opens one', async () => {
    const onopen = vi.fn();
    render(BulletinList, { bulletins: [row(), row({ id: 2, name: 'broken.txt', error: 'not a text file', encoding: null, paper: null, date: null, articles: 0, fragments: 0 })], onopen });
    const items = screen.getAllByTestId('bulletin-item');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('新乡日报_2026-06-10_04.txt');
    expect(items[0]).toHaveTextContent('gb18030');
    expect(items[0]).toHaveTextContent('2026-06-10');
    expect(items[0]).toHaveTextContent('正常');
    expect(items[1]).toHaveTextContent('出错');
    await userEvent.click(within(items[1]).getByRole('button', { name: 'broken.txt' }));
    expect(onopen).toHaveBeenCalledWith(2);
  });
});

describe('BulletinView', () => {
  function setup(detail = bulletin()) {
    const client = new FakeClient();
    const desk = new BulletinDesk(client);
    desk.detail = detail;
    const onopenarticle = vi.fn();
    render(BulletinView, { desk, detail, onopenarticle });
    return { client, desk, onopenarticle };
  }

  it('lists articles and fragments in page order, each fragment with its reason', async () => {
    const { onopenarticle } = setup();
    const pieces = screen.getByTestId('bulletin-view').querySelectorAll('[data-testid="bulletin-article"], [data-testid="bulletin-fragment"]');
    expect([...pieces].map((p) => p.getAttribute('data-testid'))).toEqual([
      'bulletin-fragment', 'bulletin-article', 'bulletin-fragment', 'bulletin-article',
    ]);
    const [furniture, orphan] = screen.getAllByTestId('bulletin-fragment');
    expect(furniture).toHaveTextContent('版面信息');
    expect(orphan).toHaveAttribute('data-reason', 'orphan');
    expect(orphan).toHaveTextContent('孤立段落');
    expect(orphan).toHaveTextContent('没有标题的一段话。');
    const [first] = screen.getAllByTestId('bulletin-article');
    expect(first).toHaveTextContent('封丘县召开防汛会议');
    expect(first).toHaveTextContent('2026-06-08');
    expect(first).toHaveTextContent('1 处修复');
    await userEvent.click(within(first).getByRole('button'));
    expect(onopenarticle).toHaveBeenCalledWith(11);
  });

  it('says where the date came from and offers the current values for correction', () => {
    setup();
    expect(screen.getByTestId('bulletin-date')).toHaveTextContent('2026-06-10 · 取自文件名');
    expect(screen.getByTestId('bulletin-paper-input')).toHaveValue('新乡日报');
    expect(screen.getByTestId('bulletin-date-input')).toHaveValue('2026-06-10');
  });

  it('refuses a date it cannot read without asking the worker', async () => {
    const { client } = setup();
    const date = screen.getByTestId('bulletin-date-input');
    await userEvent.clear(date);
    await userEvent.type(date, '6月10日');
    await userEvent.click(screen.getByTestId('bulletin-meta-save'));
    expect(screen.getByTestId('bulletin-meta-error')).toHaveTextContent('“6月10日”不是日期');
    expect(client.calls.filter(([t]) => t === 'set-bulletin-meta')).toEqual([]);
  });

  it('sends the corrected paper and date, normalised, and shows the re-parsed bulletin', async () => {
    const { client, desk } = setup();
    const updated = bulletin({
      bulletin: { ...bulletin().bulletin, paper: '平原晚报', date: '2025-06-10', dateSource: 'user' },
      correction: { paper: '平原晚报', date: '2025-06-10', inferredPaper: '新乡日报', inferredDate: '2026-06-10', correctedAt: '2026-06-11T00:00:00Z' },
    });
    client.handlers['set-bulletin-meta'] = () => updated;
    client.handlers['list-bulletins'] = () => [row({ paper: '平原晚报', date: '2025-06-10' })];
    await userEvent.clear(screen.getByTestId('bulletin-paper-input'));
    await userEvent.type(screen.getByTestId('bulletin-paper-input'), ' 平原晚报 ');
    await userEvent.clear(screen.getByTestId('bulletin-date-input'));
    await userEvent.type(screen.getByTestId('bulletin-date-input'), '2025年6月10日');
    await userEvent.click(screen.getByTestId('bulletin-meta-save'));
    expect(client.calls).toContainEqual(['set-bulletin-meta', { bulletinId: 1, paper: '平原晚报', date: '2025-06-10' }]);
    await waitFor(() => expect(desk.detail).toBe(updated));
    expect(await screen.findByTestId('bulletin-meta-saved')).toHaveTextContent('已保存');
  });
});
