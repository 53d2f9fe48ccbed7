// The SQL console's worker dies on its own (a crash, the browser ending it, out of memory): the
// console notices through the worker's lifeline lock, says so, and the next run starts a new
// worker on a fresh copy. The corpus is untouched: the console only ever had a read-only copy.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import SqlConsoleView from '../../src/ui/components/SqlConsole.svelte';
import { i18n } from '../../src/ui/lib/i18n.svelte';
import { SqlConsole, type ConsoleWorkerLike } from '../../src/ui/lib/sql-console.svelte';
import type { LockWaiter } from '../../src/ui/lib/worker-supervisor';
import { corpusSnapshot } from '../../src/core/store/snapshot';
import type { ConsoleRequest, ConsoleResponse } from '../../src/worker/console-protocol';
import { InProcessConsoleWorker, smallCorpus } from './console-fakes';

beforeEach(() => i18n.set('zh'));

/** Web Locks as the page sees them: a request is granted when the worker holding it is gone. */
class FakeLocks implements LockWaiter {
  private waiting = new Map<string, () => unknown>();
  request(name: string, callback: () => unknown): Promise<unknown> {
    this.waiting.set(name, callback);
    return new Promise(() => {});
  }
  release(name: string): void {
    const cb = this.waiting.get(name);
    this.waiting.delete(name);
    cb?.();
  }
  get watched(): string[] {
    return [...this.waiting.keys()];
  }
}

/** An in-process console worker that holds a lifeline lock and can die. */
class MortalWorker implements ConsoleWorkerLike {
  readonly inner = new InProcessConsoleWorker();
  dead = false;
  constructor(readonly lock: string) {}
  postMessage(message: ConsoleRequest): void {
    if (!this.dead) this.inner.postMessage(message);
  }
  addEventListener(type: 'message' | 'error', listener: (e: never) => void): void {
    this.inner.addEventListener(type, listener);
    if (type === 'message') {
      const l = listener as (e: MessageEvent<ConsoleResponse | { type: 'lifeline'; lock: string }>) => void;
      queueMicrotask(() => l({ data: { type: 'lifeline', lock: this.lock } } as MessageEvent<{ type: 'lifeline'; lock: string }>));
    }
  }
  terminate(): void {
    this.inner.terminate();
  }
  /** Die as a crash would: no answer any more, the lock let go. */
  die(locks: FakeLocks): void {
    this.dead = true;
    this.inner.terminate();
    locks.release(this.lock);
  }
}

async function setup() {
  const corpus = await smallCorpus(3);
  const locks = new FakeLocks();
  const workers: MortalWorker[] = [];
  const sql = new SqlConsole(
    async (since) => corpusSnapshot(corpus, since),
    () => {
      const w = new MortalWorker(`lock-${workers.length}`);
      workers.push(w);
      return w;
    },
    undefined,
    locks,
  );
  render(SqlConsoleView, { sql });
  return { sql, locks, workers, corpus };
}

async function runSql(text: string) {
  await fireEvent.input(screen.getByTestId('sql-input'), { target: { value: text } });
  await userEvent.click(screen.getByTestId('sql-run'));
}

describe('when the SQL console worker dies', () => {
  it('the console says so, and the next query runs on a new worker', async () => {
    const { sql, locks, workers } = await setup();
    await runSql('SELECT count(*) AS n FROM articles');
    await waitFor(() => expect(screen.getAllByTestId('sql-row')).toHaveLength(1));
    await waitFor(() => expect(locks.watched).toContain('lock-0'));

    workers[0].die(locks);
    await waitFor(() => expect(screen.getByTestId('sql-crashed')).toHaveTextContent('意外停止'));
    expect(screen.getByTestId('sql-crashed')).toHaveTextContent('下次运行查询时会自动重新启动');
    expect(screen.getByTestId('sql-crashed')).toHaveAttribute('role', 'alert');

    await runSql('SELECT headline FROM articles ORDER BY headline');
    await waitFor(() => expect(screen.getAllByTestId('sql-row')).toHaveLength(3));
    expect(workers).toHaveLength(2);
    // The new worker got a whole copy of the corpus; the banner is gone.
    expect(workers[1].inner.received[0]).toMatchObject({ type: 'open' });
    expect(screen.queryByTestId('sql-crashed')).toBeNull();
    expect(sql.status).toBe('done');
  });

  it('a query running when the worker dies ends with the message, not a hang', async () => {
    const { locks, workers } = await setup();
    await runSql('SELECT HANG');
    await waitFor(() => expect(screen.getByTestId('sql-console')).toHaveAttribute('data-state', 'running'));
    await waitFor(() => expect(locks.watched).toContain('lock-0'));
    workers[0].die(locks);
    await waitFor(() => expect(screen.getByTestId('sql-console')).toHaveAttribute('data-state', 'crashed'));
    expect(screen.getByTestId('sql-crashed')).toHaveTextContent('在运行这条查询时意外停止');
    expect(screen.getByTestId('sql-cancel')).toBeDisabled();
    i18n.set('en');
    await waitFor(() => expect(screen.getByTestId('sql-crashed')).toHaveTextContent('stopped unexpectedly while running this query'));
    await runSql('SELECT count(*) AS n FROM articles');
    await waitFor(() => expect(screen.getAllByTestId('sql-row')).toHaveLength(1));
    expect(workers).toHaveLength(2);
  });

  it('a worker stopped on purpose (cancel) is not reported as a crash', async () => {
    const { locks, workers } = await setup();
    await runSql('SELECT HANG');
    await waitFor(() => expect(locks.watched).toContain('lock-0'));
    await userEvent.click(screen.getByTestId('sql-cancel'));
    locks.release('lock-0'); // the terminated worker's lock is let go too
    await Promise.resolve();
    expect(screen.queryByTestId('sql-crashed')).toBeNull();
    expect(screen.getByTestId('sql-console')).toHaveAttribute('data-state', 'cancelled');
    expect(workers[0].inner.terminated).toBe(true);
  });
});
