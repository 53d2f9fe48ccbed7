// The analysis views' computations (docs/analysis.md): concordance, word and phrase frequencies,
// TF-IDF keywords, trends by month, co-occurrence of people; the people/post/place pages cut from
// the entity report; the entity tables; re-segmentation after the dictionary changed. Pure
// functions over rows the worker reads from the store.
export { concordance, sortConcordance, type KwicOptions } from './kwic';
export { frequencies, docSentences, type FrequencyOptions } from './frequencies';
export { articleKeywords, contentWords, documentFrequencies, inverseFrequency, keywordsOf, type DocumentFrequencies, type SegColumns } from './tfidf';
export { countOccurrences, monthOf, monthRange, trends, type TrendOptions } from './trends';
export { cooccurrence, type CoOptions, type PersonArticles } from './cooccurrence';
export { concordanceCsv, cooccurrenceCsv, frequencyCsv, timelineCsv, trendCsv } from './csv';
export { eventDates, referenceOf, type DateReference, type EventDate, type EventPrecision } from './event-dates';
export { timeline, type TimelineMonth, type TimelineReport } from './timeline';
export { isContentWord, STOP_WORDS } from './stopwords';
export { segWords, sentencesOf } from './words';
export * from './people-views';
export { emptyEntityTables, ensureEntityTables, ENTITY_SCHEMA_SQL, writeEntityTables } from './entity-tables';
export { anyWordPattern, articlesHolding, resegmentArticles, type SegmentSource } from './resegment';
export type * from './types';
