// Reprints for the query desk: the dedup stage's StoryIndex (src/core/dedup) clusters printings
// of the same story, and the clusters go to search_docs.story_id (assignStories), so a search
// counts each story once. The index is incremental: each update adds only the articles loaded
// since the last one.
import type { Database } from 'sql.js';
import { StoryIndex, type StoryCluster } from '../dedup';
import { assignStories } from '../store/search-index';

/** Keeps search_docs.story_id in step with the articles of one corpus database. */
export class StoryTracker {
  private index = new StoryIndex();
  private lastId = 0;
  private clusters: StoryCluster[] = [];

  constructor(private readonly db: Database) {}

  /**
   * Cluster the articles added since the last call and record the stories. Returns the number
   * of stories printed more than once. A corpus emptied since (its ids start again) starts a
   * new index.
   */
  update(): number {
    const max = Number(this.db.exec('SELECT coalesce(max(id), 0) FROM articles')[0]?.values[0]?.[0] ?? 0);
    if (max < this.lastId) {
      this.index = new StoryIndex();
      this.lastId = 0;
      this.clusters = [];
    }
    const s = this.db.prepare('SELECT id, headline, body FROM articles WHERE id > ? ORDER BY id');
    let added = 0;
    try {
      s.bind([this.lastId]);
      while (s.step()) {
        const [id, headline, body] = s.get();
        this.index.add([{ id: Number(id), headline: String(headline ?? ''), text: String(body ?? '') }]);
        this.lastId = Number(id);
        added++;
      }
    } finally {
      s.free();
    }
    if (added) {
      this.clusters = this.index.clusters();
      assignStories(this.db, this.clusters.map((c) => ({ canonical: Number(c.canonical), members: c.members.map(Number) })));
    }
    return this.clusters.length;
  }
}
