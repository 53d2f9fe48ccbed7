import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../src/ui/App.svelte';
import { i18n } from '../../src/ui/lib/i18n.svelte';
import type { FileToAdd } from '../../src/worker/protocol';
import { detail, FakeClient, page, row } from './fake-client.svelte';

beforeEach(() => i18n.set('zh'));

function loaded(): FakeClient {
  const client = new FakeClient();
  client.stats = { bulletins: 5, failed: 0, articles: 51, fragments: 2 };
  client.page = page([row()], { total: 51 });
  return client;
}

const lastFiles = (client: FakeClient) =>
  (client.calls.filter(([k]) => k === 'addFiles').at(-1)?.[1] as FileToAdd[]).map((f) => f.name);

describe('App', () => {
  it('shows the corpus counts and exposes the loading state on its root', async () => {
    const client = loaded();
    client.status = 'loading';
    const { rerender } = render(App, { client });
    expect(screen.getByTestId('bulletin-count')).toHaveTextContent('5 份简报');
    expect(screen.getByTestId('article-count')).toHaveTextContent('51 篇文章');
    expect(screen.getByTestId('app')).toHaveAttribute('data-state', 'loading');
    client.status = 'ready';
    await rerender({ client });
    expect(screen.getByTestId('app')).toHaveAttribute('data-state', 'ready');
  });

  it('switches the whole page between Chinese and English', async () => {
    render(App, { client: loaded() });
    expect(document.documentElement.lang).toBe('zh-CN');
    await userEvent.click(screen.getByTestId('lang-switch'));
    expect(screen.getByTestId('article-count')).toHaveTextContent('51 articles');
    expect(screen.getByTestId('search-input')).toHaveAttribute('placeholder', 'Search headlines and text (exact match)');
    expect(screen.getByTestId('lang-switch')).toHaveTextContent('中文');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('baoxun.lang')).toBe('en');
    await userEvent.click(screen.getByTestId('lang-switch'));
    expect(screen.getByTestId('article-count')).toHaveTextContent('51 篇文章');
  });

  it('loads picked files, named by their path inside a picked folder', async () => {
    const client = loaded();
    render(App, { client });
    await userEvent.upload(screen.getByTestId('file-input'), [new File(['## 标题'], 'a.md'), new File(['x'], 'b.txt')]);
    expect(lastFiles(client)).toEqual(['a.md', 'b.txt']);
    const inFolder = new File(['## 标题'], 'c.md');
    Object.defineProperty(inFolder, 'webkitRelativePath', { value: '六月/第4版/c.md' });
    await userEvent.upload(screen.getByTestId('folder-input'), [inFolder]);
    expect(lastFiles(client)).toEqual(['六月/第4版/c.md']);
  });

  it('walks a dropped folder recursively and keeps loose dropped files', async () => {
    const client = loaded();
    render(App, { client });
    const file = (fullPath: string) => ({
      isFile: true, isDirectory: false, name: fullPath.split('/').at(-1), fullPath,
      file: (ok: (f: File) => void) => ok(new File(['x'], fullPath.split('/').at(-1)!)),
    });
    const dir = (fullPath: string, children: unknown[]) => ({
      isFile: false, isDirectory: true, name: fullPath.split('/').at(-1), fullPath,
      createReader: () => {
        // readEntries hands out entries in batches and ends with an empty one
        const batches = [children.slice(0, 1), children.slice(1), []];
        return { readEntries: (ok: (e: unknown[]) => void) => ok(batches.shift() ?? []) };
      },
    });
    const folder = dir('/报纸', [file('/报纸/b.txt'), dir('/报纸/sub', [file('/报纸/sub/c.md')]), file('/报纸/a.txt')]);
    const items = [
      { kind: 'file', webkitGetAsEntry: () => folder, getAsFile: () => null },
      { kind: 'file', webkitGetAsEntry: () => null, getAsFile: () => new File(['x'], 'loose.md') },
      { kind: 'string', webkitGetAsEntry: () => null, getAsFile: () => null },
    ];
    await fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { items, files: [] } });
    await vi.waitFor(() => expect(client.calls.some(([k]) => k === 'addFiles')).toBe(true));
    expect(lastFiles(client)).toEqual(['loose.md', '报纸/a.txt', '报纸/b.txt', '报纸/sub/c.md']);
  });

  it('adds pasted text as a bulletin and empties the box', async () => {
    const client = loaded();
    render(App, { client });
    const submit = screen.getByTestId('paste-submit');
    expect(submit).toBeDisabled();
    await userEvent.type(screen.getByTestId('paste-input'), '## 粘贴的标题');
    await userEvent.click(submit);
    expect(client.calls).toContainEqual(['addText', '## 粘贴的标题']);
    expect(screen.getByTestId('paste-input')).toHaveValue('');
  });

  it('clears the corpus only on a confirming second click', async () => {
    const client = loaded();
    render(App, { client });
    await userEvent.click(screen.getByTestId('clear-corpus'));
    expect(client.calls.some(([k]) => k === 'clear')).toBe(false);
    expect(screen.getByTestId('clear-corpus')).toHaveTextContent('确定清空');
    await userEvent.click(screen.getByTestId('clear-corpus'));
    expect(client.calls.some(([k]) => k === 'clear')).toBe(true);
  });

  it('shows the open article and closes it with Escape', async () => {
    const client = loaded();
    client.article = detail();
    render(App, { client });
    expect(screen.getByTestId('article-view')).toHaveTextContent('封丘县召开防汛工作会议');
    await userEvent.keyboard('{Escape}');
    expect(client.calls).toContainEqual(['closeArticle', null]);
    expect(screen.queryByTestId('article-view')).toBeNull();
  });

  it('shows a fatal error instead of failing silently', () => {
    const client = loaded();
    client.error = 'the database engine (sql.js) could not start';
    client.status = 'error';
    render(App, { client });
    expect(screen.getByTestId('app-error')).toHaveTextContent('sql.js');
    expect(screen.getByTestId('app')).toHaveAttribute('data-state', 'error');
  });
});
