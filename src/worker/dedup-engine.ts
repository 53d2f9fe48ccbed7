// The dedup desk in the worker: owns the story tracker the query desk records stories with (so
// the user's split/merge decisions reach search's story counting through the same
// search_docs.story_id), answers the Duplicates view and the load summary, and records the
// user's decisions. Clustering runs after each load (the query desk's afterLoad calls the
// tracker's update), over the new articles only.
import type { Database } from 'sql.js';
import { storyContent, type StoryCluster, type StoryId, type StoryPair } from '../core/dedup/index';
import { clusterWithDecisions, mergePairs, splitPairs, type StoryDecision } from '../core/dedup/overrides';
import { sideBySide, similarity } from '../core/diff/index';
import { StoryTracker } from '../core/query/stories';
import type { CorpusStore } from '../core/store/index';
import { deleteDecision, readDecisions, recordDecisions } from '../core/store/dedup-tables';
import type {
  ClusterView, ComparedPrinting, DecisionPrinting, DecisionView, DedupPage, DedupRequestMap, DedupSummary,
  PrintingView,
} from './dedup-protocol';
import { articlesOfRefs, bodyOf, countFindings, readDuplicateFiles, readPrintings, refsOf } from './dedup-reads';

/** A dedup request as the worker receives it. */
export type DedupRequest = {
  [K in keyof DedupRequestMap]: { id: number; type: K } & DedupRequestMap[K]['params'];
}[keyof DedupRequestMap];


/** What the desk needs from the worker around it. */
export interface DedupDeps {
  store: () => Promise<CorpusStore>;
  /** Run a change in the loading queue, so it never interleaves with a load or a clear. */
  serial: <T>(job: () => Promise<T>) => Promise<T>;
}

/** Printings of one cluster compared with the canonical in full; beyond, listed without a diff. */
const MAX_DIFFED = 12;
/** Seconds one comparison may take before settling for a coarser diff. */
const DIFF_TIMEOUT = 0.25;

/** The worker's dedup desk. */
export class DedupEngine {
  private tracker: StoryTracker | null = null;
  private trackerDb: Database | null = null;
  private lengths = new Map<number, number>();

  constructor(private readonly deps: DedupDeps) {}

  /** The story tracker of this corpus (the query desk records stories with it). */
  stories(db: Database): StoryTracker {
    if (!this.tracker || this.trackerDb !== db) {
      this.tracker = new StoryTracker(db, (pairs) => this.cluster(db, pairs));
      this.trackerDb = db;
      this.lengths.clear();
    }
    return this.tracker;
  }

  /** The corpus was emptied: its ids start again, so the index does too. */
  cleared(): void {
    this.tracker = null;
    this.trackerDb = null;
    this.lengths.clear();
  }

  /** The rule the tracker records stories with: the index's pairs and the user's decisions. */
  private cluster(db: Database, pairs: readonly StoryPair[]): StoryCluster[] {
    const stored = readDecisions(db);
    const loaded = articlesOfRefs(db, stored.flatMap((d) => [d.a, d.b]));
    const decisions: StoryDecision[] = [];
    for (const d of stored) {
      const [a, b] = [loaded.get(d.a), loaded.get(d.b)];
      if (a && b) decisions.push({ a: a.id, b: b.id, together: d.together, seq: d.seq });
    }
    const length = (id: StoryId) => {
      const n = Number(id);
      let len = this.lengths.get(n);
      if (len === undefined) this.lengths.set(n, (len = storyContent(bodyOf(db, n)).length));
      return len;
    };
    return clusterWithDecisions(pairs, decisions, { length, order: Number });
  }

  async handle(req: DedupRequest): Promise<unknown> {
    switch (req.type) {
      case 'dedup-summary':
        return this.summary();
      case 'dedup-page':
        return this.page(req.offset, req.limit);
      case 'dedup-split':
        return this.decide(async (db, clusters) => {
          const c = clusters.find((x) => x.members.map(Number).includes(req.articleId));
          if (!c) throw new Error(`article ${req.articleId} is in no cluster of reprints (it may have been split off already)`);
          const refs = refsOf(db, c.members.map(Number));
          recordDecisions(db, splitPairs(c.members.map(Number), req.articleId).map(([x, y]) => [refs.get(Number(x))!, refs.get(Number(y))!]), false);
        });
      case 'dedup-merge':
        return this.decide(async (db, clusters) => {
          const groups = req.articleIds.map((id) => clusters.find((c) => c.members.map(Number).includes(id))?.members.map(Number) ?? [id]);
          if (groups.length < 2) throw new Error('choose two stories to merge');
          const [x, ...rest] = groups;
          const y = [...new Set(rest.flat())].filter((id) => !x.includes(id));
          if (!y.length) throw new Error('these printings are already one story');
          const refs = refsOf(db, [...x, ...y]);
          if (refs.size < x.length + y.length) throw new Error('a printing to merge is no longer in the corpus');
          recordDecisions(db, mergePairs(x, y).map(([p, q]) => [refs.get(Number(p))!, refs.get(Number(q))!]), true);
        });
      case 'dedup-undo':
        return this.decide(async (db) => {
          deleteDecision(db, req.seq);
        });
    }
  }

  /** Record a decision in the loading queue, cluster again, and say what the corpus now holds. */
  private decide(write: (db: Database, clusters: readonly StoryCluster[]) => Promise<void>): Promise<DedupSummary> {
    return this.deps.serial(async () => {
      const db = (await this.deps.store()).db;
      const tracker = this.stories(db);
      tracker.update();
      await write(db, tracker.current());
      tracker.recluster();
      return this.summary();
    });
  }

  async summary(): Promise<DedupSummary> {
    const db = (await this.deps.store()).db;
    const tracker = this.stories(db);
    const clusters = tracker.current();
    const found = countFindings(db);
    return {
      duplicateFiles: found.duplicateFiles,
      reprintedStories: clusters.length,
      reprintPrintings: clusters.reduce((n, c) => n + c.members.length, 0),
      echoes: found.repairs.echo ?? 0,
      pasted: found.repairs.foreign ?? 0,
      joins: found.repairs.join ?? 0,
      fragments: found.fragments,
      orphans: found.orphans,
      decisions: found.decisions,
      clusterMs: tracker.lastUpdate()?.ms ?? null,
      articles: Number(db.exec('SELECT count(*) FROM articles')[0]?.values[0]?.[0] ?? 0),
    };
  }

  private async page(offset: number, limit: number): Promise<DedupPage> {
    const db = (await this.deps.store()).db;
    const all = this.stories(db).current();
    const from = Math.max(0, Math.floor(offset));
    const shown = all.slice(from, from + Math.min(50, Math.max(1, Math.floor(limit))));
    const printings = readPrintings(db, shown.flatMap((c) => c.members.map(Number)));
    const clusters: ClusterView[] = [];
    for (const c of shown) {
      const canonical = printings.get(Number(c.canonical));
      if (!canonical) continue;
      const others = c.alsoAppearedIn.map(Number).map((id) => printings.get(id)).filter((p): p is PrintingView => !!p);
      clusters.push({ id: canonical.articleId, canonical, others: others.map((p, i) => compare(canonical, p, i < MAX_DIFFED)) });
    }
    return {
      total: all.length, offset: from, limit, clusters, duplicateFiles: readDuplicateFiles(db),
      decisions: this.decisionViews(db), summary: await this.summary(),
    };
  }

  /** The user's actions, newest first, with the printings they name. */
  private decisionViews(db: Database): DecisionView[] {
    const stored = readDecisions(db);
    const loaded = articlesOfRefs(db, stored.flatMap((d) => [d.a, d.b]));
    const label = (ref: string): DecisionPrinting => {
      const a = loaded.get(ref);
      return { ref, articleId: a?.id ?? null, headline: a?.headline ?? null, file: a?.file ?? null };
    };
    const bySeq = new Map<number, typeof stored>();
    for (const d of stored) bySeq.set(d.seq, [...(bySeq.get(d.seq) ?? []), d]);
    return [...bySeq.values()].reverse().map((pairs) => {
      const refs = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
      // A split's pairs all name the printing split off.
      const subject = pairs[0].together ? null : refs.find((r) => pairs.every((p) => p.a === r || p.b === r)) ?? null;
      return {
        seq: pairs[0].seq, together: pairs[0].together, decidedAt: pairs[0].decidedAt,
        subject: subject ? label(subject) : null,
        printings: refs.filter((r) => r !== subject).map(label),
      };
    });
  }
}

/** A printing compared with the canonical version. */
function compare(canonical: PrintingView, p: PrintingView, diffBody: boolean): ComparedPrinting {
  const h = sideBySide(canonical.headline, p.headline, { timeout: DIFF_TIMEOUT });
  const headlineDiff = { canonical: h.left, printing: h.right };
  if (!diffBody) return { ...p, diff: null, headlineDiff, similarity: null };
  const d = sideBySide(canonical.body, p.body, { timeout: DIFF_TIMEOUT });
  return {
    ...p,
    headlineDiff,
    diff: {
      canonical: d.left, printing: d.right, removed: d.removed, added: d.added,
      moved: d.left.filter((x) => x.moved).reduce((n, x) => n + x.text.length, 0),
    },
    similarity: similarity(d),
  };
}
