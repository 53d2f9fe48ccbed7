// The words of the ingest progress bar (IngestProgress.svelte), in Chinese and English. Merged
// into messages.ts.

/** Chinese. */
export const ingestZh = {
  'problem.cancelled': '没有载入:载入已取消',
  'ingest.label': '载入进度',
  'ingest.counts': '已处理 {done} / {total} 个文件,{articles} 篇文章',
  'ingest.eta': '预计还需 {time}',
  'ingest.etaUnknown': '正在估算剩余时间…',
  'ingest.seconds': '{n} 秒',
  'ingest.minutes': '{m} 分 {s} 秒',
  'ingest.cancel': '取消载入',
  'ingest.cancelling': '正在取消…',
} as const;

/** English. */
export const ingestEn: Record<keyof typeof ingestZh, string> = {
  'problem.cancelled': 'not loaded: the load was cancelled',
  'ingest.label': 'Loading progress',
  'ingest.counts': '{done} of {total} files processed, {articles} articles',
  'ingest.eta': 'about {time} left',
  'ingest.etaUnknown': 'estimating the time left…',
  'ingest.seconds': '{n} s',
  'ingest.minutes': '{m} min {s} s',
  'ingest.cancel': 'Cancel loading',
  'ingest.cancelling': 'Cancelling…',
};
