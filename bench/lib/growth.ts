// How a figure grows with the corpus: each size's figure against the smallest size's, with the
// article count's own growth next to it, so "linear or better" can be read off directly.

/** One figure measured at one corpus size. */
export interface SizedFigure {
  articles: number;
  value: number;
}

/** The growth of one figure from the smallest corpus to each larger one. */
export interface Growth {
  articles: number;
  /** value / smallest value. */
  factor: number;
  /** articles / smallest articles. */
  articlesFactor: number;
  /** factor / articlesFactor: 1 is linear, below 1 better than linear, above 1 worse. */
  perArticle: number;
}

/** Growth of `figures` (any order) relative to the smallest corpus; empty for fewer than two sizes. */
export function growth(figures: SizedFigure[]): Growth[] {
  const sorted = [...figures].sort((a, b) => a.articles - b.articles);
  const base = sorted[0];
  if (sorted.length < 2 || !(base.value > 0) || !(base.articles > 0)) return [];
  return sorted.slice(1).map((f) => {
    const factor = f.value / base.value;
    const articlesFactor = f.articles / base.articles;
    return { articles: f.articles, factor, articlesFactor, perArticle: factor / articlesFactor };
  });
}

/** The growth of a figure as one table cell, e.g. "x9.8 for x10.0 articles (0.98 per article)". */
export function growthCell(g: Growth): string {
  return `x${g.factor.toFixed(1)} for x${g.articlesFactor.toFixed(1)} articles (${g.perArticle.toFixed(2)} per article)`;
}

/** An aligned plain-text table; the first column left-aligned, the others right-aligned. */
export function alignTable(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
