// The SQL console in the page: results in a virtualised grid, errors inline, a Cancel that
// replaces the worker, the schema browser inserting SQL, CSV export.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import SqlConsoleView from '../../src/ui/components/SqlConsole.svelte';
import ResultGrid from '../../src/ui/components/ResultGrid.svelte';
import { i18n } from '../../src/ui/lib/i18n.svelte';
import { SqlConsole } from '../../src/ui/lib/sql-console.svelte';
import { corpusSnapshot } from '../../src/core/store/snapshot';
import type { CorpusStore } from '../../src/core/store';
import { InProcessConsoleWorker, smallCorpus } from './console-fakes';

beforeEach(() => i18n.set('zh'));

async function setup(store?: CorpusStore) {
  const corpus = store ?? (await smallCorpus());
  const workers: InProcessConsoleWorker[] = [];
  const snapshots: Array<number | null> = [];
  const sql = new SqlConsole(
    async (since) => {
      snapshots.push(since);
      return corpusSnapshot(corpus, since);
    },
    () => {
      const w = new InProcessConsoleWorker();
      workers.push(w);
      return w;
    },
  );
  const view = render(SqlConsoleView, { sql });
  return { sql, corpus, workers, snapshots, view };
}

async function runSql(text: string) {
  const input = screen.getByTestId('sql-input');
  await userEvent.clear(input);
  await fireEvent.input(input, { target: { value: text } });
  await userEvent.click(screen.getByTestId('sql-run'));
}

describe('ResultGrid', () => {
  const rows = Array.from({ length: 100_000 }, (_, i) => [i, `第${i}行`, i % 3 ? null : '封丘县']);

  it('renders only the rows in view of a 100k-row result', () => {
    render(ResultGrid, { columns: ['n', 'text', 'district'], rows, height: 300, rowHeight: 30 });
    const grid = screen.getByTestId('sql-grid');
    expect(grid).toHaveAttribute('data-rows', '100000');
    const shown = screen.getAllByTestId('sql-row');
    expect(shown.length).toBeGreaterThan(9);
    expect(shown.length).toBeLessThan(40);
    expect(shown[0]).toHaveTextContent('第0行');
    expect(grid.firstElementChild).toHaveStyle({ height: `${100_001 * 30}px` });
  });

  it('shows the rows at the scroll position, still only a window of them', async () => {
    render(ResultGrid, { columns: ['n', 'text', 'district'], rows, height: 300, rowHeight: 30 });
    const grid = screen.getByTestId('sql-grid');
    grid.scrollTop = 50_000 * 30;
    await fireEvent.scroll(grid);
    const shown = screen.getAllByTestId('sql-row');
    expect(shown.length).toBeLessThan(40);
    const indexes = shown.map((r) => Number(r.dataset.row));
    expect(indexes).toContain(50_000);
    expect(Math.min(...indexes)).toBeGreaterThan(49_900);
    expect(screen.getByText('第50000行')).toBeInTheDocument();
  });

  it('shows NULL apart from text and a whole cell value on click', async () => {
    render(ResultGrid, { columns: ['body'], rows: [['第一段\n第二段'.repeat(30)], [null]] });
    const nullCell = within(screen.getAllByTestId('sql-row')[1]).getByText('NULL');
    expect(nullCell).toHaveClass('null');
    await userEvent.click(within(screen.getAllByTestId('sql-row')[0]).getByRole('gridcell', { name: /第一段/ }));
    expect(screen.getByTestId('sql-cell').querySelector('pre')!.textContent).toBe('第一段\n第二段'.repeat(30));
  });
});

describe('SqlConsole', () => {
  it('runs a SELECT on a copy of the corpus and shows its rows in the grid with the time', async () => {
    await setup();
    await runSql('SELECT headline FROM articles ORDER BY idx');
    await waitFor(() => expect(screen.getAllByTestId('sql-row')).toHaveLength(3));
    expect(screen.getAllByTestId('sql-row')[2]).toHaveTextContent('标题2');
    expect(screen.getByTestId('sql-time')).toHaveTextContent(/3 行 · \d+ 毫秒/);
    expect(screen.getByTestId('sql-console')).toHaveAttribute('data-state', 'done');
  });

  it('shows a refused write inline, and the corpus is untouched', async () => {
    const { corpus } = await setup();
    await runSql('DROP TABLE articles');
    const error = await screen.findByTestId('sql-error');
    expect(error).toHaveAttribute('data-code', 'read-only');
    expect(error).toHaveTextContent('只读控制台,不能执行 DROP');
    expect(error).toHaveTextContent('DROP TABLE articles');
    expect(corpus.stats().articles).toBe(3);
    expect(screen.queryByTestId('sql-grid')).toBeNull();
  });

  it('shows an SQL error inline with SQLite’s words', async () => {
    await setup();
    await runSql('SELECT nosuch FROM articles');
    expect(await screen.findByTestId('sql-error')).toHaveTextContent('SQL 错误:no such column: nosuch');
  });

  it('cancels a runaway query by terminating its worker, then runs the next on a fresh one', async () => {
    const { workers, snapshots } = await setup();
    await runSql('SELECT HANG');
    await waitFor(() => expect(screen.getByTestId('sql-console')).toHaveAttribute('data-state', 'running'));
    expect(screen.getByTestId('sql-cancel')).toBeEnabled();
    await userEvent.click(screen.getByTestId('sql-cancel'));
    expect(workers[0].terminated).toBe(true);
    expect(screen.getByTestId('sql-console')).toHaveAttribute('data-state', 'cancelled');
    expect(screen.getByTestId('sql-time')).toHaveTextContent('已取消');
    expect(screen.getByTestId('sql-cancel')).toBeDisabled();

    await runSql('SELECT count(*) AS n FROM articles');
    await waitFor(() => expect(screen.getAllByTestId('sql-row')).toHaveLength(1));
    expect(workers.length).toBeGreaterThanOrEqual(2);
    expect(workers.at(-1)!.terminated).toBe(false);
    // The fresh worker asked for a whole copy (since = null), not an update of the dead one's.
    expect(snapshots.at(-1)).toBeNull();
  });

  it('copies the corpus again only when it has changed', async () => {
    const { corpus, workers, snapshots } = await setup();
    await runSql('SELECT count(*) FROM articles');
    await waitFor(() => expect(screen.getByTestId('sql-grid')).toHaveTextContent('3'));
    const opens = () => workers.flatMap((w) => w.received).filter((r) => r.type === 'open').length;
    const before = opens();
    await runSql('SELECT count(*) FROM articles');
    await waitFor(() => expect(screen.getByTestId('sql-console')).toHaveAttribute('data-state', 'done'));
    expect(opens()).toBe(before);
    expect(snapshots.at(-1)).not.toBeNull();
    corpus.addBulletin({
      name: 'b.txt', path: 'b.txt', source: 'file', sha256: 'y', size: 1, encoding: 'utf-8', bom: false,
      error: null, text: 'x', parsed: null,
    });
    await runSql('SELECT count(*) AS bulletins FROM bulletins');
    await waitFor(() => expect(screen.getByTestId('sql-grid')).toHaveTextContent('2'));
    expect(opens()).toBe(before + 1);
  });

  it('lists tables and columns with their docs; a table inserts a SELECT, a column its name', async () => {
    await setup();
    const browser = screen.getByTestId('schema-browser');
    await waitFor(() => expect(within(browser).getAllByTestId('schema-table').length).toBeGreaterThanOrEqual(5));
    expect(browser).toHaveTextContent('one row per article');
    expect(browser.querySelector('[data-column="seg_body"]')).toHaveTextContent('jieba');
    await userEvent.click(within(browser).getByRole('button', { name: 'fragments' }));
    const input = screen.getByTestId('sql-input') as HTMLTextAreaElement;
    expect(input.value).toBe('SELECT *\nFROM fragments\nLIMIT 100;');
    input.setSelectionRange(7, 8); // the *
    await userEvent.click(within(browser.querySelector('[data-column="headline"]')!).getByRole('button'));
    expect(input.value).toBe('SELECT headline\nFROM fragments\nLIMIT 100;');
  });

  it('lets its worker and copy go when the console leaves the screen, keeping the result', async () => {
    const { sql, workers, view } = await setup();
    await runSql('SELECT count(*) FROM articles');
    await waitFor(() => expect(sql.status).toBe('done'));
    view.unmount();
    expect(workers.every((w) => w.terminated)).toBe(true);
    expect(sql.result?.rows).toEqual([[3]]);
    await sql.run('SELECT 1 AS one');
    expect(sql.result?.rows).toEqual([[1]]);
    expect(workers.at(-1)!.terminated).toBe(false);
  });

  it('exports the result as CSV with a BOM', async () => {
    await setup();
    const blobs: Blob[] = [];
    const create = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:test';
    });
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await runSql(`SELECT headline, 'a,"b"' AS odd FROM articles ORDER BY idx LIMIT 2`);
    await waitFor(() => expect(screen.getByTestId('sql-export')).toBeEnabled());
    await userEvent.click(screen.getByTestId('sql-export'));
    expect(click).toHaveBeenCalledOnce();
    const bytes = new Uint8Array(await blobs[0].arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe('headline,odd\r\n标题0,"a,""b"""\r\n标题1,"a,""b"""\r\n');
    click.mockRestore();
  });
});
