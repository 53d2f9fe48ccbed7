// Article references for links: stable across visits and load orders, because they name the
// file by its content (SHA-256) rather than by the order it was loaded in.

/** The reference of article `index` of the file with this SHA-256: `<16 hex digits>.<index>`. */
export function articleRef(sha256: string, index: number): string {
  return `${sha256.slice(0, 16)}.${index}`;
}

/** The parts of a reference, or null when it is not one. */
export function parseArticleRef(ref: string): { sha256Prefix: string; index: number } | null {
  const m = /^([0-9a-f]{8,64})\.(\d{1,6})$/.exec(ref);
  return m ? { sha256Prefix: m[1], index: Number(m[2]) } : null;
}
