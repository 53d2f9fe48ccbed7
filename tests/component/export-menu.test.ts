// The export menu and the share dialog: exports ask the worker for the search on screen (every
// match, the chips, the order) and download the file; the SQLite export takes the whole corpus;
// the share dialog offers the link only when others can open the same corpus.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import ExportMenu from '../../src/ui/components/ExportMenu.svelte';
import ShareDialog from '../../src/ui/components/ShareDialog.svelte';
import { CorpusKeeping } from '../../src/ui/lib/corpus-keeping.svelte';
import { i18n } from '../../src/ui/lib/i18n.svelte';
import { FakeKeepingClient, fakeWindow, keepState } from './fake-keeping.svelte';

beforeEach(() => i18n.set('zh'));

const file = (name: string, count: number) => ({ name, mime: 'text/csv', blob: new Blob(['x']), count });

describe('the export menu', () => {
  it('exports the results on screen in each format, and the whole corpus as SQLite', async () => {
    const client = new FakeKeepingClient({
      'export-results': (p) => file(`baoxun-会议.${p.format}`, 12),
      'export-corpus': () => file('baoxun-corpus.sqlite', 5),
    });
    const win = fakeWindow();
    const keeping = new CorpusKeeping(client, win);
    render(ExportMenu, { keeping, total: 12 });
    expect(screen.getByTestId('export-menu')).toHaveTextContent('当前结果(12 篇)');
    for (const f of ['csv', 'jsonl', 'md']) {
      await userEvent.click(screen.getByText('导出'));
      await userEvent.click(screen.getByTestId(`export-${f}`));
      await waitFor(() => expect(win.downloads.at(-1)?.name).toBe(`baoxun-会议.${f}`));
    }
    const asked = client.calls.filter(([t]) => t === 'export-results').map(([, p]) => p);
    expect(asked[0]).toEqual({
      scope: { query: '会议', filters: [{ field: 'district', value: '红旗区' }], sort: 'newest', everyPrinting: false },
      format: 'csv', linkBase: 'https://example.org/baoxun/',
    });
    await userEvent.click(screen.getByText('导出'));
    await userEvent.click(screen.getByTestId('export-sqlite'));
    await waitFor(() => expect(win.downloads.at(-1)?.name).toBe('baoxun-corpus.sqlite'));
    expect(screen.getByTestId('export-status')).toHaveTextContent('已下载 baoxun-corpus.sqlite');
  });

  it('cannot export an empty result set, and says why an export failed', async () => {
    const client = new FakeKeepingClient({ 'export-corpus': () => { throw new Error('out of memory'); } });
    const keeping = new CorpusKeeping(client, fakeWindow());
    render(ExportMenu, { keeping, total: 0 });
    expect(screen.getByTestId('export-csv')).toBeDisabled();
    await userEvent.click(screen.getByText('导出'));
    await userEvent.click(screen.getByTestId('export-sqlite'));
    expect(await screen.findByTestId('export-error')).toHaveTextContent('导出失败:out of memory');
  });
});

describe('the share dialog', () => {
  it('gives the link as it is when the corpus is the site\'s (or the samples)', async () => {
    const client = new FakeKeepingClient({ 'storage-info': () => ({ corpusBytes: 1, usage: 1, quota: 2, persisted: true, localBulletins: 0, bulletins: 5 }) });
    render(ShareDialog, { keeping: new CorpusKeeping(client, fakeWindow()) });
    await userEvent.click(screen.getByTestId('share-button'));
    const dialog = await screen.findByTestId('share-dialog');
    expect(dialog).toHaveAttribute('data-shareable', 'yes');
    expect(screen.getByTestId('share-link')).toHaveValue('https://example.org/baoxun/?q=%E4%BC%9A%E8%AE%AE');
    expect(screen.queryByTestId('share-export')).toBeNull();
  });

  it('names the hosted corpus a link was opened with, and explains a corpus of the user\'s own files', async () => {
    const client = new FakeKeepingClient({
      'storage-info': () => ({ corpusBytes: 1, usage: 1, quota: 2, persisted: true, localBulletins: 3, bulletins: 8 }),
      'export-corpus': () => file('baoxun-corpus.sqlite', 8),
    });
    client.keep = keepState({ source: { kind: 'hosted', url: 'https://example.org/baoxun/other/manifest.json' } });
    const win = fakeWindow();
    render(ShareDialog, { keeping: new CorpusKeeping(client, win) });
    await userEvent.click(screen.getByTestId('share-button'));
    expect(await screen.findByTestId('share-dialog')).toHaveAttribute('data-shareable', 'no');
    expect(screen.getByTestId('share-private')).toHaveTextContent('3 份简报');
    expect(screen.getByTestId('share-link')).toHaveValue('https://example.org/baoxun/?q=%E4%BC%9A%E8%AE%AE&corpus=other%2Fmanifest.json');
    await userEvent.click(screen.getByTestId('share-export'));
    await waitFor(() => expect(win.downloads.map((d) => d.name)).toEqual(['baoxun-corpus.sqlite']));
  });
});
