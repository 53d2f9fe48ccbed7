import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import FileStatusList from '../../src/ui/components/FileStatusList.svelte';
import { i18n } from '../../src/ui/lib/i18n.svelte';
import type { FileProgress } from '../../src/worker/protocol';

beforeEach(() => i18n.set('zh'));

function f(over: Partial<FileProgress>): FileProgress {
  return { key: over.name ?? 'k', name: 'a.txt', source: 'file', state: 'done', articles: 0, fragments: 0, encoding: 'utf-8', problem: null, ...over };
}

const files: FileProgress[] = [
  f({ key: '1', name: 'seeds.txt', source: 'sample', articles: 11 }),
  f({ key: '2', name: 'photo.png', state: 'skipped', problem: { code: 'not-bulletin', message: 'not a bulletin' } }),
  f({ key: '3', name: 'bad.txt', state: 'error', problem: { code: 'unreadable', message: 'x', detail: 'not a text file: it looks like a PNG image', reason: 'binary:png' } }),
  f({ key: '4', name: 'june.zip', articles: 5, entries: 3 }),
  f({ key: '5', name: 'june.zip/a.md', articles: 5, parent: '4', source: 'zip' }),
  f({ key: '6', name: 'waiting.md', state: 'queued' }),
  f({ key: '7', name: 'now.md', state: 'loading' }),
];

describe('FileStatusList', () => {
  it('shows one status per file with its state as data-status', () => {
    render(FileStatusList, { files });
    const rows = screen.getAllByTestId('file-status');
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['done', 'skipped', 'error', 'done', 'done', 'queued', 'loading']);
    expect(rows.map((r) => r.getAttribute('data-name'))).toEqual(files.map((x) => x.name));
  });

  it('says how many articles each file gave, or exactly why it failed or was skipped', () => {
    render(FileStatusList, { files });
    const rows = screen.getAllByTestId('file-status');
    expect(rows[0]).toHaveTextContent('11 篇文章');
    expect(rows[0]).toHaveTextContent('示例');
    expect(rows[1]).toHaveTextContent('photo.png');
    expect(rows[1]).toHaveTextContent('不是简报文件(只读取 .txt 和 .md)');
    expect(rows[2]).toHaveTextContent('无法按文本读取:不是文本文件,看起来是 PNG 图片');
    expect(rows[3]).toHaveTextContent('压缩包,3 个文件,5 篇文章');
    expect(rows[4]).toHaveClass('entry');
    expect(rows[5]).toHaveTextContent('等待');
    expect(rows[6]).toHaveTextContent('载入中');
  });

  it('sums the states up', () => {
    render(FileStatusList, { files });
    expect(screen.getByTestId('file-summary')).toHaveTextContent('完成 3 · 出错 1 · 跳过 1 · 等待 2');
  });

  it('says the same in English after the switch', () => {
    i18n.set('en');
    render(FileStatusList, { files: files.slice(0, 4) });
    const rows = screen.getAllByTestId('file-status');
    expect(rows[0]).toHaveTextContent('11 articles');
    expect(rows[1]).toHaveTextContent('not a bulletin (only .txt and .md files are read)');
    expect(rows[3]).toHaveTextContent('archive, 3 files, 5 articles');
    expect(rows[2]).toHaveTextContent('cannot be read as text: not a text file: it looks like a PNG image');
  });

  it('starts a list of many files on the failed and skipped ones, with their messages', () => {
    const many = Array.from({ length: 5000 }, (_, i) => f({
      key: `m${i}`, name: `folder/${i}.txt`, articles: 1,
      ...(i % 1000 === 7 ? { state: 'error' as const, problem: { code: 'unreadable' as const, message: 'x', detail: 'd', reason: 'nul-bytes' } } : {}),
    }));
    render(FileStatusList, { files: many });
    const summary = screen.getByTestId('file-summary');
    expect(summary.dataset).toMatchObject({ total: '5000', done: '4995', error: '5', skipped: '0', pending: '0' });
    expect(screen.getByTestId('file-filter-problems')).toBeChecked();
    const rows = screen.getAllByTestId('file-status');
    expect(rows.map((r) => r.getAttribute('data-name'))).toEqual([7, 1007, 2007, 3007, 4007].map((i) => `folder/${i}.txt`));
    for (const r of rows) expect(r).toHaveTextContent('含有 NUL 字节');
  });

  it('shows all of a long list on request, with only the rows in view in the page', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => f({ key: `m${i}`, name: `folder/${i}.txt`, articles: 1 }));
    render(FileStatusList, { files: many });
    expect(screen.getByTestId('file-no-problems')).toHaveTextContent('没有出错或跳过的文件');
    await fireEvent.click(screen.getByTestId('file-filter-problems'));
    const list = screen.getByTestId('file-list');
    expect(list.dataset.windowed).toBe('true');
    const rows = screen.getAllByTestId('file-status');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(rows[0]).toHaveAttribute('data-name', 'folder/0.txt');
    // Scrolled to the end: the last rows are drawn, the first are gone.
    list.scrollTop = 4990 * 48;
    await fireEvent.scroll(list);
    const names = screen.getAllByTestId('file-status').map((r) => r.getAttribute('data-name'));
    expect(names).toContain('folder/4999.txt');
    expect(names).not.toContain('folder/0.txt');
    expect(screen.getAllByTestId('file-status').length).toBeLessThan(60);
  });
});
