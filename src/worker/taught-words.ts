// Every dictionary text the corpus worker's jieba has been taught (the people index's names, the
// user's words), kept in the one place that teaches it, so a parse worker can be taught the same
// words and cut exactly as the corpus worker would (docs/performance.md, "Pool of workers").
// jieba cannot forget a word, so the list only grows; its length is the dictionary's version.

/** What jieba's dictionary holds beyond its own: the texts given to `with_dict`, in order. */
export interface TaughtDictionary {
  /** How many texts were taught: a parse worker's words cut with an older version are cut again. */
  version: number;
  /** The texts joined by newlines, for one `with_dict` call. */
  text: string;
}

/** A dictionary that records what it teaches (one per corpus worker; a fresh one in tests). */
export class TaughtWords {
  private readonly texts: string[] = [];

  /** Teach `jieba` the dictionary lines in `text` and record them. */
  teach(jieba: { with_dict(dict: string): void }, text: string): void {
    jieba.with_dict(text);
    this.texts.push(text);
  }

  /** The version now: changes whenever a word is taught. */
  get version(): number {
    return this.texts.length;
  }

  /** Everything taught so far. */
  current(): TaughtDictionary {
    return { version: this.texts.length, text: this.texts.join('\n') };
  }
}

/** The corpus worker's jieba's record (entities-engine.ts teaches through it). */
export const taughtWords = new TaughtWords();
