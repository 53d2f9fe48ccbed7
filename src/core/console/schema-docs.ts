// The doc line of every table and column, read from docs/schema.md itself (the page imports the
// Markdown as text), so the schema browser says exactly what the documentation says.

/** What docs/schema.md says about one table. */
export interface TableDoc {
  /** The heading's words after the table name (`one row per file given`). */
  doc: string | null;
  /** Column name → its meaning. */
  columns: Map<string, string>;
}

/** Markdown inline marks removed: backticks, bold, links. */
function plain(text: string): string {
  return text.replace(/\*\*/g, '').replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim();
}

/** The cells of a Markdown table row (`| a | b |` → ['a', 'b']), or null for other lines. */
function cells(line: string): string[] | null {
  const t = line.trim();
  if (!t.startsWith('|') || !t.endsWith('|')) return null;
  return t.slice(1, -1).split('|').map((c) => c.trim());
}

/**
 * Table docs from the schema document: each `## \`name\` — what it is` section, and in it the
 * rows of a `| column | type | meaning |` table (a row may name several columns: `a`, `b`).
 */
export function parseSchemaDocs(markdown: string): Map<string, TableDoc> {
  const tables = new Map<string, TableDoc>();
  let current: TableDoc | null = null;
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^##\s+`([A-Za-z_]\w*)`\s*(?:[—–-]+\s*(.*))?$/.exec(line);
    if (heading) {
      current = { doc: heading[2] ? plain(heading[2]) : null, columns: new Map() };
      tables.set(heading[1], current);
      continue;
    }
    if (/^#{1,2}\s/.test(line)) {
      current = null; // a section that documents no table
      continue;
    }
    const row = current && cells(line);
    if (!current || !row || row.length < 3) continue;
    const names = [...row[0].matchAll(/`([A-Za-z_]\w*)`/g)].map((m) => m[1]);
    const meaning = plain(row.slice(2).join(' | '));
    for (const name of names) current.columns.set(name, meaning);
  }
  return tables;
}
