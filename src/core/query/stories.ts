// Reprints for the query desk: the dedup stage's StoryIndex (src/core/dedup) clusters printings
// of the same story, and the clusters go to search_docs.story_id (assignStories), so a search
// counts each story once. The index is incremental: each update adds only the articles loaded
// since the last one.
import type { Database } from 'sql.js';
import { StoryIndex, type StoryCluster, type StoryPair } from '../dedup/story-index';
import { assignStories } from '../store/search-index';

/** Turns the index's verified pairs into the stories recorded; the dedup desk's rule applies
 *  the user's split/merge decisions (src/core/dedup/overrides.ts, src/worker/dedup-engine.ts). */
export type StoryRule = (pairs: readonly StoryPair[], index: StoryIndex) => StoryCluster[];

/** Keeps search_docs.story_id in step with the articles of one corpus database. */
export class StoryTracker {
  private index = new StoryIndex();
  private lastId = 0;
  private clusters: StoryCluster[] = [];
  /** Every verified pair so far, for the rule (a few per reprinted article). */
  private pairs: StoryPair[] = [];
  /** The last update that found new articles: how many, and the milliseconds it took. */
  private lastAdded: { articles: number; ms: number } | null = null;

  constructor(private readonly db: Database, private readonly rule?: StoryRule) {}

  /**
   * Cluster the articles added since the last call and record the stories. Returns the number
   * of stories printed more than once. A corpus emptied since (its ids start again) starts a
   * new index.
   */
  update(): number {
    const t0 = performance.now();
    const max = Number(this.db.exec('SELECT coalesce(max(id), 0) FROM articles')[0]?.values[0]?.[0] ?? 0);
    if (max < this.lastId) {
      this.index = new StoryIndex();
      this.lastId = 0;
      this.clusters = [];
      this.pairs = [];
      this.lastAdded = null;
    }
    const s = this.db.prepare('SELECT id, headline, body FROM articles WHERE id > ? ORDER BY id');
    let added = 0;
    try {
      s.bind([this.lastId]);
      while (s.step()) {
        const [id, headline, body] = s.get();
        for (const p of this.index.add([{ id: Number(id), headline: String(headline ?? ''), text: String(body ?? '') }])) this.pairs.push(p);
        this.lastId = Number(id);
        added++;
      }
    } finally {
      s.free();
    }
    if (added) {
      this.record();
      this.lastAdded = { articles: added, ms: performance.now() - t0 };
    }
    return this.clusters.length;
  }

  /** What the last update that found new articles added, and how long clustering them took. */
  lastUpdate(): { articles: number; ms: number } | null {
    return this.lastAdded;
  }

  /** Record the stories again without new articles (the rule's inputs changed: a user's split
   *  or merge). Returns the number of stories printed more than once. */
  recluster(): number {
    this.update();
    this.record();
    return this.clusters.length;
  }

  /** The stories printed more than once, as last recorded. */
  current(): readonly StoryCluster[] {
    return this.clusters;
  }

  private record(): void {
    this.clusters = this.rule ? this.rule(this.pairs, this.index) : this.index.clusters();
    assignStories(this.db, this.clusters.map((c) => ({ canonical: Number(c.canonical), members: c.members.map(Number) })));
  }
}
