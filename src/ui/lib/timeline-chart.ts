// The geometry of the corpus timeline: one bar per month (articles), and a line over it (dates
// the texts name in that month), with d3-scale; drawn as plain SVG by Timeline.svelte so the
// element itself saves as SVG or PNG. Loaded on demand, like the trend chart.
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { TimelineReport } from '../../core/analysis/timeline';

/** One month's bar and event point. */
export interface TimelineBar {
  month: string;
  x: number;
  width: number;
  y: number;
  height: number;
  articles: number;
  events: number;
  /** Where the event count sits (centre of the bar). */
  ex: number;
  ey: number;
}

/** Everything the SVG needs. */
export interface TimelineGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  bars: TimelineBar[];
  /** The path of the event counts. */
  events: string;
  xTicks: Array<{ x: number; label: string }>;
  yTicks: Array<{ y: number; label: string }>;
}

/** Lay out the timeline in a box of `width` × `height` pixels. */
export function layoutTimeline(report: TimelineReport, width: number, height: number): TimelineGeometry {
  const plot = { left: 44, top: 12, right: width - 12, bottom: height - 28 };
  const months = report.months.map((m) => m.month);
  const x = scaleBand<string>().domain(months).range([plot.left, plot.right]).paddingInner(months.length > 60 ? 0.05 : 0.2);
  const max = Math.max(1, ...report.months.map((m) => Math.max(m.articles, m.events)));
  const y = scaleLinear().domain([0, max]).nice().range([plot.bottom, plot.top]);
  const bars = report.months.map((m) => {
    const bx = x(m.month) ?? plot.left;
    const top = y(m.articles);
    return {
      month: m.month, x: bx, width: Math.max(1, x.bandwidth()), y: top, height: plot.bottom - top,
      articles: m.articles, events: m.events, ex: bx + x.bandwidth() / 2, ey: y(m.events),
    };
  });
  const path = line<TimelineBar>().x((b) => b.ex).y((b) => b.ey)(bars) ?? '';
  // About eight month labels across, on January when the span is long.
  const every = Math.max(1, Math.ceil(months.length / 8));
  const xTicks = bars.filter((b, i) => (months.length > 24 ? b.month.endsWith('-01') : i % every === 0))
    .map((b) => ({ x: b.x + b.width / 2, label: months.length > 24 ? b.month.slice(0, 4) : b.month }));
  const yTicks = y.ticks(4).filter(Number.isInteger).map((v) => ({ y: y(v), label: String(v) }));
  return { width, height, plot, bars, events: path, xTicks, yTicks };
}
