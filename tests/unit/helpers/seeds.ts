// The sample bulletins and the articles a correct parser finds in them, for tests.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** One article of tests/fixtures/seeds-expected.json (a copy of shared/seeds/expected.json). */
export interface ExpectedArticle {
  headline: string;
  kicker?: string | null;
  subtitle?: string | null;
  column?: string | null;
  kind?: string;
  lead: string | null;
  dateline?: string | null;
  byline?: string | null;
  credit: string | null;
  body_starts: string;
  joined?: string[];
  echoes?: string[];
  foreign?: string;
  must_not_contain?: string[];
}

/** Expected parse of one seed file. */
export interface ExpectedBulletin {
  paper_hint: string;
  orphans_or_attached_to_next?: string[];
  articles: ExpectedArticle[];
}

export const expected: Record<string, ExpectedBulletin> = JSON.parse(
  readFileSync(join(root, 'tests/fixtures/seeds-expected.json'), 'utf-8'),
);

/** The seed files (name and text), in name order. */
export function seedFiles(): Array<{ name: string; text: string; bytes: Uint8Array }> {
  const dir = join(root, 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      return { name, text: bytes.toString('utf-8'), bytes: new Uint8Array(bytes) };
    });
}

/** Compare strings as score-seeds does: all whitespace and Markdown bold removed. */
export const flat = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, '').replace(/\*\*/g, '');
