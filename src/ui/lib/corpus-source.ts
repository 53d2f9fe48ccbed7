// Which corpus the page opens. `?corpus=<url>` names one (a link someone shared); without it, the
// site's own `corpus/manifest.json` decides: a list of bulletin files or one prebuilt SQLite file
// makes the site a hosted corpus; the placeholder the build ships (naming neither) means the
// user's own corpus, with the built-in samples on a first visit (docs/deploy.md).
import type { CorpusSource } from '../../worker/keep-protocol';

/** The page's decision, and what to ask the user first when the corpus is on another site. */
export interface SourceChoice {
  source: CorpusSource;
  /** Set when `?corpus=` names another origin: open it only once the user agrees, else `fallback`. */
  confirm: { url: string; origin: string; fallback: CorpusSource } | null;
  /** A `?corpus=` that could not be used (not a URL, not http), for a warning. */
  rejected: string | null;
}

/** The query parameter a hosted corpus link carries. */
export const CORPUS_PARAM = 'corpus';

/** True when a manifest's JSON names a corpus (files or an SQLite file). */
export function namesCorpus(json: unknown): boolean {
  const m = json as { files?: unknown; sqlite?: unknown } | null;
  return !!m && ((Array.isArray(m.files) && m.files.length > 0) || typeof m.sqlite === 'string');
}

/** The site's default corpus: its corpus/manifest.json if that names one, else the local corpus. */
export async function siteDefault(baseURI: string, fetchFn: typeof fetch): Promise<CorpusSource> {
  const manifestUrl = new URL('corpus/manifest.json', baseURI).href;
  const local: CorpusSource = { kind: 'local', samplesUrl: new URL('seeds/manifest.json', baseURI).href };
  try {
    const res = await fetchFn(manifestUrl, { cache: 'no-cache' });
    if (!res.ok) return local;
    return namesCorpus(await res.json()) ? { kind: 'hosted', url: manifestUrl } : local;
  } catch {
    return local; // offline with nothing cached, or not JSON: the user's own corpus
  }
}

/** Decide the corpus from the page's address. */
export async function chooseCorpusSource(href: string, baseURI: string, fetchFn: typeof fetch): Promise<SourceChoice> {
  const page = new URL(href);
  const param = page.searchParams.get(CORPUS_PARAM);
  if (param) {
    let target: URL | null = null;
    try {
      target = new URL(param, baseURI);
    } catch {
      target = null;
    }
    if (target && (target.protocol === 'https:' || target.protocol === 'http:')) {
      const source: CorpusSource = { kind: 'hosted', url: target.href };
      if (target.origin === page.origin) return { source, confirm: null, rejected: null };
      const fallback = await siteDefault(baseURI, fetchFn);
      return { source: fallback, confirm: { url: target.href, origin: target.origin, fallback }, rejected: null };
    }
    return { source: await siteDefault(baseURI, fetchFn), confirm: null, rejected: param };
  }
  return { source: await siteDefault(baseURI, fetchFn), confirm: null, rejected: null };
}

/** The `?corpus=` value a link to a hosted corpus carries: relative to the page when it is on the
 *  same site, so the link keeps working when the site moves. */
export function corpusParam(manifestUrl: string, baseURI: string): string {
  const target = new URL(manifestUrl);
  const base = new URL(baseURI);
  if (target.origin !== base.origin) return target.href;
  const dir = base.pathname.replace(/[^/]*$/, '');
  return target.pathname.startsWith(dir) ? target.pathname.slice(dir.length) + target.search : target.pathname + target.search;
}
