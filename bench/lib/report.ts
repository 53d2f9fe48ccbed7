// Timing a stage and printing the results table.

/** One measured stage. */
export interface StageResult {
  stage: string;
  seconds: number;
  /** Corpus characters processed per second (the same corpus for every stage, so rows compare). */
  charsPerSecond: number;
  /** Corpus bytes (as loaded) per second. */
  bytesPerSecond: number;
  /** charsPerSecond divided by jieba's on the same text: above 1 is faster than segmentation. */
  ratioToJieba: number | null;
}

/** Run fn once and return its result with the wall time in seconds. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - start) / 1000 };
}

const si = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(0));

/** The results as an aligned plain-text table. */
export function formatTable(rows: StageResult[]): string {
  const head = ['stage', 'time', 'chars/s', 'MB/s', 'vs jieba'];
  const body = rows.map((r) => [
    r.stage,
    `${r.seconds.toFixed(3)} s`,
    si(r.charsPerSecond),
    (r.bytesPerSecond / 1e6).toFixed(2),
    r.ratioToJieba === null ? '' : `${r.ratioToJieba.toFixed(2)}x`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
