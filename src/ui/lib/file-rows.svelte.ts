// The file list of this visit, kept so that a progress event costs the page work in proportion
// to the rows it changed, not to the rows there are: the rows live in a plain array with an index
// by key, the counts per state and the list of rows with a problem are updated as rows change,
// and the view hears of it at most once per animation frame (one version bump). A drop of
// 10,000 files walked every row on every event before (tasks of up to 0.4 s).
import type { FileProgress } from '../../worker/protocol';

/** How many files are in each state (pending = waiting or loading). */
export interface FileCounts {
  total: number;
  done: number;
  error: number;
  skipped: number;
  pending: number;
}

type Bucket = Exclude<keyof FileCounts, 'total'>;

function bucket(f: FileProgress): Bucket {
  return f.state === 'queued' || f.state === 'loading' ? 'pending' : f.state;
}

/** True for a row the user should look at: it failed or was skipped. */
export function isProblem(f: FileProgress): boolean {
  return f.state === 'error' || f.state === 'skipped';
}

/** Count the states of a list in one pass (for lists that are not a FileRows). */
export function countFiles(files: readonly FileProgress[]): FileCounts {
  const c: FileCounts = { total: files.length, done: 0, error: 0, skipped: 0, pending: 0 };
  for (const f of files) c[bucket(f)]++;
  return c;
}

/** Run `fn` at the next animation frame, or within `maxMs` where frames do not come (a hidden
 *  tab, Node): whichever is first. */
function nextFrame(fn: () => void, maxMs = 100): void {
  let ran = false;
  const once = () => {
    if (ran) return;
    ran = true;
    fn();
  };
  globalThis.requestAnimationFrame?.(once);
  setTimeout(once, maxMs);
}

/** The rows of the file list, updated in place and published to the view once per frame. */
export class FileRows {
  /** Bumped when the rows changed (once per frame at most): views read it to re-render. */
  version = $state(0);
  /** Counts as of the last publish. */
  counts = $state.raw<FileCounts>({ total: 0, done: 0, error: 0, skipped: 0, pending: 0 });

  private list: FileProgress[] = [];
  private index = new Map<string, number>();
  /** Row positions of problem rows, ascending. */
  private problems: number[] = [];
  private tally: FileCounts = { total: 0, done: 0, error: 0, skipped: 0, pending: 0 };
  private scheduled = false;

  /** Rows given at once (a fixed list: tests, fakes) are published at once. */
  constructor(initial: readonly FileProgress[] = [], private readonly schedule: (fn: () => void) => void = nextFrame) {
    this.fill(initial);
    this.counts = { ...this.tally };
  }

  /** Every row, in the order given (not reactive: read `version` to follow changes). */
  get all(): FileProgress[] {
    return this.list;
  }

  /** Apply new states (a new key is appended, a known key replaced); O(rows changed). */
  apply(updates: readonly FileProgress[]): void {
    for (const f of updates) {
      const at = this.index.get(f.key);
      if (at === undefined) {
        this.index.set(f.key, this.list.length);
        this.list.push(f);
        this.tally.total++;
        this.tally[bucket(f)]++;
        if (isProblem(f)) this.problems.push(this.list.length - 1);
        continue;
      }
      const old = this.list[at];
      this.list[at] = f;
      this.tally[bucket(old)]--;
      this.tally[bucket(f)]++;
      if (isProblem(old) !== isProblem(f)) this.moveProblem(at, isProblem(f));
    }
    this.publishSoon();
  }

  /** Replace every row (after a crash, a cleared corpus). */
  replace(rows: readonly FileProgress[]): void {
    this.fill(rows);
    this.publishSoon();
  }

  /** Rows `start` to `end` of the whole list or of the problem rows only (reactive). */
  slice(problemsOnly: boolean, start: number, end: number): FileProgress[] {
    void this.version;
    if (!problemsOnly) return this.list.slice(start, end);
    return this.problems.slice(start, end).map((i) => this.list[i]);
  }

  private fill(rows: readonly FileProgress[]): void {
    this.list = [...rows];
    this.index = new Map(this.list.map((f, i) => [f.key, i]));
    this.problems = [];
    this.tally = countFiles(this.list);
    this.list.forEach((f, i) => {
      if (isProblem(f)) this.problems.push(i);
    });
  }

  /** Add or remove a row position in the sorted problem list (binary search; rare). */
  private moveProblem(at: number, isNow: boolean): void {
    let lo = 0;
    let hi = this.problems.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.problems[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    if (isNow) this.problems.splice(lo, 0, at);
    else if (this.problems[lo] === at) this.problems.splice(lo, 1);
  }

  private publishSoon(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.version++;
      this.counts = { ...this.tally };
    });
  }
}
