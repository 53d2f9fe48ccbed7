// `entities <file|dir>...`: the people (with their posts over time), the posts (who held each
// when) and the places named in the bulletins, as one JSON object. Files are listed and parsed
// exactly as `parse` does, so an article's `index` is its position in `parse` output.
import { tag } from 'jieba-wasm';
import {
  analyseEntities, dictionaryLines, entityArticles, reasonText, type EntityArticle, type Person,
} from '../../src/core/entities/index';
import { loadGazetteer } from '../../src/core/places/index';
import type { ParsedBulletin } from '../../src/core/types';
import { EXIT, INVOCATION, type CliIO } from '../io';
import { listBulletinFiles } from '../lib/bulletin-files';
import { reportFile } from '../lib/bulletin-report';

/** Usage text of the entities command. */
export const ENTITIES_USAGE = `Usage: ${INVOCATION} entities [--no-places] <file|dir>...

Find the people, posts and places named in bulletin files and print one JSON object:
  {"files":[…],"people":[…],"posts":[…],"places":[…],"dictionary":[…]}
people: each person with roles, posts over time (first and last dated mention), articles and
the mentions they come from; posts: who held each post when; places: gazetteer places, resolved
or left ambiguous with their candidates; dictionary: the names as jieba user-dictionary lines.
--no-places  skip the gazetteer (faster; 市 in titles then stays unresolved).
Files are read as 'parse' reads them. Exit status: 0 all files read, 1 some file failed
(the others are still analysed), 2 usage error. See docs/cli.md and docs/entities.md.
`;

/** A person as the CLI prints it: the index entry with reasons in words and lean mentions. */
function personJson(p: Person) {
  return {
    id: p.id,
    name: p.name,
    district: p.district,
    roles: p.roles,
    confidence: p.confidence,
    reasons: p.reasons.map((r) => reasonText(r)),
    // `date` is the shape ({title, org, date}): the first dated mention; first/last span it.
    posts: p.posts.map((x) => ({
      post: x.post, title: x.title, org: x.org, date: x.first?.date ?? null, district: x.district, official: x.official,
      first: x.first, last: x.last, mentions: x.mentions, undated: x.undated,
    })),
    articles: p.articles,
    mentions: p.mentions.map((m) => ({
      file: m.file, index: m.index, field: m.field, role: m.role, titleText: m.titleText,
      posts: m.posts.map((x) => x.post), date: m.date.date, precision: m.date.precision, dateline: m.date.dateline,
    })),
  };
}

/** Run `entities` over the given paths. */
export async function run(args: string[], io: CliIO): Promise<number> {
  const paths: string[] = [];
  let places = true;
  let optionsEnded = false;
  for (const arg of args) {
    if (!optionsEnded && arg === '--') optionsEnded = true;
    else if (!optionsEnded && (arg === '-h' || arg === '--help')) {
      io.out(ENTITIES_USAGE);
      return EXIT.ok;
    } else if (!optionsEnded && arg === '--no-places') places = false;
    else if (!optionsEnded && arg.startsWith('-') && arg !== '-') {
      io.err(`entities: unknown option ${arg}\n\n${ENTITIES_USAGE}`);
      return EXIT.usage;
    } else paths.push(arg);
  }
  if (paths.length === 0) {
    io.err(`entities: give at least one file or directory\n\n${ENTITIES_USAGE}`);
    return EXIT.usage;
  }

  const { entries, notes } = await listBulletinFiles(paths);
  for (const note of notes) io.err(`entities: ${note}\n`);
  let anyFailed = false;
  const files: Array<{ file: string; articles: number; error: string | null }> = [];
  const articles: EntityArticle[] = [];
  for (const entry of entries) {
    const report = await reportFile(entry);
    files.push({ file: report.file, articles: report.articles.length, error: report.error });
    if (report.error !== null) {
      anyFailed = true;
      io.err(`entities: ${report.file}: ${report.error}\n`);
      continue;
    }
    const bulletin: ParsedBulletin = { meta: report.meta, articles: report.articles, fragments: report.fragments };
    articles.push(...entityArticles(report.file, bulletin));
  }

  const result = analyseEntities(articles, {
    tagger: { tag: (text) => tag(text, true) },
    gazetteer: places ? await loadGazetteer() : undefined,
  });
  const names = result.people.filter((p) => p.roles.some((r) => r !== 'other') || p.confidence !== 'low');
  io.out(JSON.stringify({
    files,
    people: result.people.map(personJson),
    posts: result.posts,
    places: result.places,
    dictionary: dictionaryLines(names),
  }) + '\n');
  return anyFailed ? EXIT.inputFailed : EXIT.ok;
}
