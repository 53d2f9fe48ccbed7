// The geometry of a trend chart (months across, the measure up, one line per term and group) with
// d3-scale and d3-shape: the page draws it as plain SVG, so the same element is saved as an SVG
// file or rasterised to PNG. Loaded on demand (its own chunk): only the trends view needs d3.
import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import type { TrendReport, TrendSeries } from '../../core/analysis/types';

/** Which number of a series is charted. */
export type TrendMeasure = 'perArticle' | 'share';

/** One line of the chart. */
export interface ChartLine {
  key: string;
  label: string;
  color: string;
  dash: string | null;
  d: string;
  /** The same points joined across months without articles (drawn faint, dashed). */
  bridge: string;
  points: Array<{ x: number; y: number; month: string; value: number; articles: number }>;
}

/** Everything the SVG needs. */
export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  lines: ChartLine[];
  xTicks: Array<{ x: number; label: string }>;
  yTicks: Array<{ y: number; label: string }>;
  legend: Array<{ x: number; y: number; label: string; color: string; dash: string | null }>;
}

/** Ten colours that stay apart for most kinds of colour vision (Tableau 10). */
export const PALETTE = ['#4e79a7', '#e15759', '#59a14f', '#f28e2b', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const DASHES = [null, '6 3', '2 3', '8 3 2 3'];

/** A rough label width in pixels (CJK characters are square, Latin ones about half). */
function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u0000-\u00ff]/.test(ch) ? size * 0.6 : size;
  return w;
}

function labelOf(s: TrendSeries): string {
  return s.group ? `${s.term} · ${s.group}` : s.term;
}

/** Lay a trend report out `width` wide: the plot (with its axes) `plotHeight` high, and the
 *  legend below it as high as its rows need. */
export function layoutTrendChart(report: TrendReport, measure: TrendMeasure, width: number, plotHeight: number): ChartGeometry {
  const font = 12;
  // Legend rows first: they take the space they need below the plot.
  const legend: ChartGeometry['legend'] = [];
  const terms = report.terms;
  const groups = [...new Set(report.series.map((s) => s.group))];
  const style = (s: TrendSeries) => {
    const byGroup = report.groupBy !== 'none';
    const color = PALETTE[(byGroup ? groups.indexOf(s.group) : terms.indexOf(s.term)) % PALETTE.length];
    const dash = byGroup ? DASHES[terms.indexOf(s.term) % DASHES.length] : null;
    return { color, dash };
  };
  let lx = 48;
  let ly = 0;
  const rows: Array<typeof legend> = [[]];
  for (const s of report.series) {
    const label = labelOf(s);
    const w = 26 + textWidth(label, font) + 14;
    if (lx + w > width - 8 && rows[rows.length - 1].length) {
      rows.push([]);
      lx = 48;
      ly += 18;
    }
    rows[rows.length - 1].push({ x: lx, y: ly, label, ...style(s) });
    lx += w;
  }
  const legendHeight = report.series.length ? ly + 24 : 0;
  const height = plotHeight + legendHeight;
  const plot = { left: 48, top: 12, right: width - 16, bottom: plotHeight - 28 };
  for (const row of rows) for (const item of row) legend.push({ ...item, y: plot.bottom + 36 + item.y });

  const x = scalePoint<string>().domain(report.months).range([plot.left, plot.right]).padding(0.3);
  let max = 0;
  for (const s of report.series) for (const v of s[measure]) if (v !== null && v > max) max = v;
  const y = scaleLinear().domain([0, max || 1]).nice().range([plot.bottom, plot.top]);
  const path = line<{ x: number; y: number; value: number | null }>()
    .defined((p) => p.value !== null)
    .x((p) => p.x)
    .y((p) => p.y);
  const lines: ChartLine[] = report.series.map((s, i) => {
    const all = report.months.map((month, m) => ({ month, x: x(month) ?? 0, value: s[measure][m], articles: s.articles[m] }));
    const withY = all.map((p) => ({ ...p, y: p.value === null ? 0 : y(p.value) }));
    const known = withY.filter((p) => p.value !== null);
    return {
      key: `${i}`, label: labelOf(s), ...style(s), d: path(withY) ?? '', bridge: known.length > 1 ? (path(known) ?? '') : '',
      points: withY.filter((p): p is typeof p & { value: number } => p.value !== null),
    };
  });
  // Month labels: as many as fit without overlapping.
  const every = Math.max(1, Math.ceil((report.months.length * textWidth('2026-06', 11) * 1.3) / Math.max(1, plot.right - plot.left)));
  const xTicks = report.months.filter((_, i) => i % every === 0).map((m) => ({ x: x(m) ?? 0, label: m }));
  const format = measure === 'share' ? (v: number) => `${Math.round(v * 100)}%` : (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));
  const yTicks = y.ticks(5).map((v) => ({ y: y(v), label: format(v) }));
  return { width, height, plot, lines, xTicks, yTicks, legend };
}
