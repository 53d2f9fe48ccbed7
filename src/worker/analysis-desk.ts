// The requests of the people and analysis views: the people pages read the entity engine's
// report; the analyses run over the current result set, which the query desk's searcher
// resolves to article ids (every match, each story once unless every printing is asked for).
import * as analysis from '../core/analysis/index';
import type { Searcher } from '../core/query/index';
import type { Segmenter } from '../core/segment/index';
import type { CorpusStore } from '../core/store/index';
import type { AnalysisRequestMap, ResultScope } from './analysis-protocol';
import type { EntitiesEngine } from './entities-engine';
import { corpusSignature, readAnalysisDocs, readSegColumns } from './entity-source';

/** What the desk needs from the worker around it. */
export interface AnalysisDeskDeps {
  store: () => Promise<CorpusStore>;
  segmenter: () => Promise<Segmenter>;
  searcher: () => Promise<Searcher>;
  entities: EntitiesEngine;
}

/** A request of the analysis views as the worker receives it. */
export type AnalysisRequest = {
  [K in keyof AnalysisRequestMap]: { id: number; type: K } & AnalysisRequestMap[K]['params'];
}[keyof AnalysisRequestMap];

/** Most articles the keyword list covers (the first of the result set). */
const KEYWORD_ARTICLES = 200;

/** The desk: one handler for every analysis request. */
export function analysisDesk(deps: AnalysisDeskDeps): { handle(req: AnalysisRequest): Promise<unknown> } {
  let df: { signature: string; value: analysis.DocumentFrequencies } | null = null;

  /** Every article id of the result set, in the order the result list shows them. */
  async function resultIds(scope: ResultScope): Promise<number[]> {
    const searcher = await deps.searcher();
    return searcher.allIds({ query: scope.query, filters: scope.filters, everyPrinting: scope.everyPrinting, sort: scope.sort });
  }

  async function docs(scope: ResultScope, limit?: number): Promise<analysis.AnalysisDoc[]> {
    const ids = await resultIds(scope);
    return readAnalysisDocs((await deps.store()).db, limit === undefined ? ids : ids.slice(0, limit));
  }

  async function corpusFrequencies(): Promise<analysis.DocumentFrequencies> {
    const db = (await deps.store()).db;
    const signature = corpusSignature(db);
    if (df?.signature !== signature) df = { signature, value: analysis.documentFrequencies(readSegColumns(db)) };
    return df.value;
  }

  async function handle(req: AnalysisRequest): Promise<unknown> {
    const { entities } = deps;
    const report = entities.report;
    const lookup = entities.lookup;
    switch (req.type) {
      case 'entities-status':
        return entities.current();
      case 'people':
        return report ? report.people.map(analysis.personSummary) : [];
      case 'person':
        return report && lookup ? analysis.personDetail(report, req.personId, lookup) : null;
      case 'posts':
        return report ? report.posts.map(analysis.postSummary) : [];
      case 'post':
        return report && lookup ? analysis.postDetail(report, req.post, req.district, lookup) : null;
      case 'places':
        return report ? analysis.placeRows(report) : [];
      case 'user-words':
        return entities.setUserWords(req.words);
      case 'kwic': {
        const segmenter = await deps.segmenter();
        return analysis.concordance(await docs(req.scope), req.term, { width: req.width, limit: req.limit, cut: (t) => segmenter.cut(t) });
      }
      case 'frequencies':
        return analysis.frequencies(await docs(req.scope), { top: req.top });
      case 'keywords': {
        const ids = await resultIds(req.scope);
        const limit = Math.min(KEYWORD_ARTICLES, Math.max(1, req.limit ?? 50));
        const first = readAnalysisDocs((await deps.store()).db, ids.slice(0, limit));
        return { total: ids.length, articles: analysis.keywordsOf(first, await corpusFrequencies(), req.top ?? 8) };
      }
      case 'trends':
        return analysis.trends(await docs(req.scope), req.terms, { groupBy: req.groupBy, maxGroups: req.maxGroups });
      case 'timeline':
        return analysis.timeline(await docs(req.scope));
      case 'cooccurrence': {
        const ids = await resultIds(req.scope);
        if (!report || !lookup) return analysis.cooccurrence([], { within: new Set(ids) });
        // 习近平总书记 is cited (学习贯彻…重要讲话), not present: national posts are left out.
        const local = (p: (typeof report.people)[number]) => !p.posts.length || p.posts.some((x) => !/^(?:中共中央|国务院|全国人大|全国政协)/.test(x.org ?? ''));
        const officials = report.people.filter((p) => p.roles.includes('official') && local(p)).map((p) => ({
          id: p.id, name: p.name, district: p.district,
          articleIds: p.articles.flatMap((r) => lookup.idOf(r.file, r.index) ?? []),
        }));
        return analysis.cooccurrence(officials, { within: new Set(ids), top: req.top, minCount: req.minCount });
      }
    }
  }
  return { handle };
}
