// The storage panel and the corpus keeping behind it: the save state and sizes shown, opening a
// corpus file only after the user confirms (and saying why a refused file changed nothing), the
// reload of an updated site corpus, and which corpus the page opens (asking about another site's).
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import StoragePanel from '../../src/ui/components/StoragePanel.svelte';
import CorpusConfirm from '../../src/ui/components/CorpusConfirm.svelte';
import { CorpusKeeping } from '../../src/ui/lib/corpus-keeping.svelte';
import { chooseCorpusSource, corpusParam, namesCorpus } from '../../src/ui/lib/corpus-source';
import { formatBytes } from '../../src/ui/lib/format-bytes';
import { i18n } from '../../src/ui/lib/i18n.svelte';
import { FakeKeepingClient, fakeWindow, keepState } from './fake-keeping.svelte';

beforeEach(() => i18n.set('zh'));

const info = { corpusBytes: 2_500_000, usage: 3_000_000, quota: 2_000_000_000, persisted: false, localBulletins: 1, bulletins: 6 };

function setup(handlers = {}) {
  const client = new FakeKeepingClient({ 'storage-info': () => info, ...handlers });
  const keeping = new CorpusKeeping(client, fakeWindow());
  render(StoragePanel, { keeping });
  return { client, keeping };
}

describe('the storage panel', () => {
  it('shows where the corpus is kept, that it is saved, and the sizes', async () => {
    setup();
    const panel = screen.getByTestId('storage-panel');
    expect(panel).toHaveAttribute('data-save-state', 'saved');
    expect(panel).toHaveAttribute('data-backend', 'opfs');
    expect(screen.getByTestId('save-state')).toHaveTextContent('已保存');
    const used = await screen.findByTestId('storage-used');
    expect(used).toHaveAttribute('data-corpus-bytes', '2500000');
    expect(used).toHaveTextContent(formatBytes(2_500_000));
    expect(used).toHaveTextContent(formatBytes(2_000_000_000));
    expect(screen.getByTestId('storage-persist')).toBeInTheDocument();
  });

  it('says so when saving failed, and that a browser without storage loses the corpus', async () => {
    const { client } = setup();
    client.keep = keepState({ phase: 'error', error: 'the browser has no room left', backend: 'memory' });
    await waitFor(() => expect(screen.getByTestId('save-state')).toHaveTextContent('保存失败:the browser has no room left'));
    expect(screen.getByTestId('storage-panel')).toHaveTextContent('关闭页面后语料会丢失');
  });

  it('opens a corpus file only after the user confirms', async () => {
    const opened = { origin: 'imported' as const, stats: { bulletins: 9, failed: 0, articles: 90, fragments: 0 }, note: null };
    const { client } = setup({ 'import-corpus': () => opened });
    const file = new File([new Uint8Array([1, 2, 3])], 'other.sqlite');
    await userEvent.upload(screen.getByTestId('import-corpus'), file);
    expect(screen.getByTestId('import-confirm-box')).toHaveTextContent('用“other.sqlite”替换当前语料(51 篇文章)?');
    expect(client.calls.filter(([t]) => t === 'import-corpus')).toEqual([]);
    await userEvent.click(screen.getByTestId('import-cancel'));
    expect(screen.queryByTestId('import-confirm-box')).toBeNull();

    await userEvent.upload(screen.getByTestId('import-corpus'), file);
    await userEvent.click(screen.getByTestId('import-confirm'));
    await waitFor(() => expect(screen.getByTestId('import-result')).toHaveTextContent('9 份简报,90 篇文章'));
    expect(client.calls.find(([t]) => t === 'import-corpus')?.[1]).toMatchObject({ name: 'other.sqlite' });
    expect(client.replaced).toBe(1);
  });

  it('says why a refused file was not opened, and that the corpus is unchanged', async () => {
    setup({ 'import-corpus': () => { throw new Error('this is not an SQLite database'); } });
    await userEvent.upload(screen.getByTestId('import-corpus'), new File(['text'], 'notes.sqlite'));
    await userEvent.click(screen.getByTestId('import-confirm'));
    const error = await screen.findByTestId('import-error');
    expect(error).toHaveTextContent('没有打开这个文件,当前语料未变:this is not an SQLite database');
  });

  it('offers to reload the site\'s updated corpus when the saved copy holds the user\'s files', async () => {
    const { client } = setup({ 'open-corpus': () => ({ origin: 'hosted' as const, stats: { bulletins: 3, failed: 0, articles: 30, fragments: 0 }, note: null }) });
    client.keep = keepState({ hostedUpdate: true, source: { kind: 'hosted', url: 'https://example.org/baoxun/corpus/manifest.json' } });
    await userEvent.click(await screen.findByTestId('hosted-reload'));
    await waitFor(() => expect(client.calls.some(([t]) => t === 'open-corpus')).toBe(true));
    expect(client.calls.find(([t]) => t === 'open-corpus')?.[1]).toEqual({ source: { kind: 'hosted', url: 'https://example.org/baoxun/corpus/manifest.json' }, force: true });
  });
});

describe('which corpus the page opens', () => {
  const manifestAt = (json: unknown | null) => async (url: string | URL | Request) => {
    expect(String(url)).toBe('https://example.org/baoxun/corpus/manifest.json');
    return json === null ? new Response('no', { status: 404 }) : new Response(JSON.stringify(json));
  };

  it('the user\'s own corpus (samples on a first visit) when the site names no corpus', async () => {
    const placeholder = { comment: 'no corpus' };
    expect(namesCorpus(placeholder)).toBe(false);
    const choice = await chooseCorpusSource('https://example.org/baoxun/', 'https://example.org/baoxun/', manifestAt(placeholder) as typeof fetch);
    expect(choice.source).toEqual({ kind: 'local', samplesUrl: 'https://example.org/baoxun/seeds/manifest.json' });
    const missing = await chooseCorpusSource('https://example.org/baoxun/', 'https://example.org/baoxun/', manifestAt(null) as typeof fetch);
    expect(missing.source.kind).toBe('local');
  });

  it('the site\'s corpus when corpus/manifest.json lists files or an SQLite file', async () => {
    for (const m of [{ files: ['a.txt'] }, { sqlite: 'corpus.sqlite' }]) {
      const choice = await chooseCorpusSource('https://example.org/baoxun/?q=x', 'https://example.org/baoxun/', manifestAt(m) as typeof fetch);
      expect(choice.source).toEqual({ kind: 'hosted', url: 'https://example.org/baoxun/corpus/manifest.json' });
    }
  });

  it('?corpus= of the same site opens directly; of another site only after the user agrees', async () => {
    const none = manifestAt({ comment: '' }) as typeof fetch;
    const same = await chooseCorpusSource('https://example.org/baoxun/?corpus=other/manifest.json', 'https://example.org/baoxun/', none);
    expect(same).toMatchObject({ source: { kind: 'hosted', url: 'https://example.org/baoxun/other/manifest.json' }, confirm: null });
    const foreign = await chooseCorpusSource('https://example.org/baoxun/?corpus=https://evil.example/c/manifest.json', 'https://example.org/baoxun/', none);
    expect(foreign.confirm).toMatchObject({ origin: 'https://evil.example', url: 'https://evil.example/c/manifest.json' });
    const bad = await chooseCorpusSource('https://example.org/baoxun/?corpus=javascript:alert(1)', 'https://example.org/baoxun/', none);
    expect(bad.rejected).toBe('javascript:alert(1)');
    expect(bad.source.kind).toBe('local');
    expect(corpusParam('https://example.org/baoxun/other/manifest.json', 'https://example.org/baoxun/')).toBe('other/manifest.json');
    expect(corpusParam('https://x.example/m.json', 'https://example.org/baoxun/')).toBe('https://x.example/m.json');

    // The dialog: cancelling opens this site's corpus and takes the parameter out of the address.
    const client = new FakeKeepingClient();
    const win = fakeWindow('https://example.org/baoxun/?corpus=https%3A%2F%2Fevil.example%2Fc%2Fmanifest.json&q=x');
    const keeping = new CorpusKeeping(client, win);
    await keeping.begin(foreign);
    render(CorpusConfirm, { keeping });
    expect(screen.getByTestId('corpus-confirm')).toHaveAttribute('data-origin', 'https://evil.example');
    expect(client.started).toEqual([]);
    await userEvent.click(screen.getByTestId('corpus-confirm-cancel'));
    expect(client.started).toEqual([foreign.confirm!.fallback]);
    expect(win.replaced).toEqual(['/baoxun/?q=x']);
    expect(screen.queryByTestId('corpus-confirm')).toBeNull();
  });
});
