// Positions for the co-occurrence network with d3-force: people as nodes (sized by their
// articles), shared articles as links (thicker for more). Run to rest at once, off screen, so the
// picture is still and the same for the same data. Loaded on demand (its own chunk).
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { CoEdge, CoNode } from '../../core/analysis/types';

/** A placed person. */
export interface PlacedNode extends CoNode {
  x: number;
  y: number;
  r: number;
}

/** A placed link. */
export interface PlacedLink {
  source: PlacedNode;
  target: PlacedNode;
  count: number;
  width: number;
}

interface SimNode extends SimulationNodeDatum, CoNode {
  r: number;
}

/** A laid-out network and the box around it (labels included), for the SVG's viewBox. */
export interface NetworkLayout {
  nodes: PlacedNode[];
  links: PlacedLink[];
  box: { x: number; y: number; width: number; height: number };
}

/**
 * Lay the network out around a `width` × `height` area. Nothing is clamped to the area (that
 * piles nodes up at its edges); the returned box fits wherever the nodes came to rest, and the
 * page scales it to the space it has.
 */
export function layoutNetwork(nodes: CoNode[], edges: CoEdge[], width: number, height: number): NetworkLayout {
  const maxArticles = Math.max(1, ...nodes.map((n) => n.articles));
  const maxCount = Math.max(1, ...edges.map((e) => e.count));
  // Start on a circle (deterministic), not at random.
  const sim: SimNode[] = nodes.map((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, nodes.length);
    return { ...n, r: 5 + 9 * Math.sqrt(n.articles / maxArticles), x: width / 2 + (width / 3) * Math.cos(angle), y: height / 2 + (height / 3) * Math.sin(angle) };
  });
  const byId = new Map(sim.map((n) => [n.id, n]));
  const links = edges.filter((e) => byId.has(e.source) && byId.has(e.target)).map((e) => ({ source: e.source, target: e.target, count: e.count }));
  // The link force replaces ids by nodes in the objects it is given: it gets copies.
  const simulation = forceSimulation<SimNode>(sim)
    .force('link', forceLink<SimNode, { source: string | SimNode; target: string | SimNode; count: number }>(links.map((l) => ({ ...l }))).id((n) => n.id).distance(70).strength((l) => 0.2 + 0.6 * (l.count / maxCount)))
    .force('charge', forceManyBody().strength(-160))
    .force('x', forceX(width / 2).strength(0.06))
    .force('y', forceY(height / 2).strength(0.09))
    .force('collide', forceCollide<SimNode>().radius((n) => n.r + 22))
    .stop();
  for (let i = 0; i < 300; i++) simulation.tick();
  const placed = new Map<string, PlacedNode>();
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of sim) {
    const p: PlacedNode = { id: n.id, name: n.name, district: n.district, articles: n.articles, r: n.r, x: n.x ?? width / 2, y: n.y ?? height / 2 };
    placed.set(n.id, p);
    // The label sits under the node: about 13 px per character, centred.
    const half = Math.max(p.r, (p.name.length * 13) / 2);
    x0 = Math.min(x0, p.x - half);
    x1 = Math.max(x1, p.x + half);
    y0 = Math.min(y0, p.y - p.r);
    y1 = Math.max(y1, p.y + p.r + 16);
  }
  const pad = 10;
  const box = Number.isFinite(x0)
    ? { x: x0 - pad, y: y0 - pad, width: x1 - x0 + 2 * pad, height: y1 - y0 + 2 * pad }
    : { x: 0, y: 0, width, height };
  return {
    box,
    nodes: [...placed.values()],
    links: links.map((l) => ({
      source: placed.get(l.source)!, target: placed.get(l.target)!, count: l.count, width: 1 + 4 * (l.count / maxCount),
    })),
  };
}
