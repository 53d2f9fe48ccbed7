// The words of failures the page recovers from (a crashed corpus worker, files it took with it),
// in Chinese and English. Merged into messages.ts.

/** Chinese. */
export const reliabilityZh = {
  'problem.worker-crashed': '没有载入:载入时语料处理进程意外停止',
  'problem.lost-in-crash': '已载入,但还没保存时语料处理进程意外停止,请重新载入',
  'crash.restarting': '语料处理进程意外停止了(可能内存不足,或被浏览器结束),正在重新启动并打开已保存的语料…',
  'crash.restarted': '语料处理进程意外停止,已重新启动,并打开了已保存的语料:{bulletins} 份简报,{articles} 篇文章。',
  'crash.failed': '语料处理进程多次意外停止,不再自动重启。请重新载入页面,已保存的语料不受影响。',
  'crash.previous': '上次打开的页面在载入文件时意外停止了(页面崩溃,可能是内存不足)。已保存的语料不受影响。',
  'crash.interrupted': '停止时正在载入或等待的 {n} 个文件没有载入:{names}',
  'crash.lost': '{n} 个文件载入后还没保存,已丢失,请重新载入:{names}',
  'crash.detail': '详情:{detail}',
  'crash.dismiss': '知道了',
} as const;

/** English. */
export const reliabilityEn: Record<keyof typeof reliabilityZh, string> = {
  'problem.worker-crashed': 'not loaded: the corpus worker stopped while loading it',
  'problem.lost-in-crash': 'loaded, but the corpus worker stopped before it was saved: load it again',
  'crash.restarting': 'The corpus worker stopped unexpectedly (out of memory, or ended by the browser). Restarting it and opening the saved corpus…',
  'crash.restarted': 'The corpus worker stopped unexpectedly and was restarted; the saved corpus is open again: {bulletins} bulletins, {articles} articles.',
  'crash.failed': 'The corpus worker stopped unexpectedly several times and is not restarted again. Reload the page; the saved corpus is not affected.',
  'crash.previous': 'An earlier page of this site stopped unexpectedly while loading files (the tab crashed, perhaps out of memory). The saved corpus is not affected.',
  'crash.interrupted': '{n} {n|file was|files were} waiting or loading and not loaded: {names}',
  'crash.lost': '{n} {n|file was|files were} loaded but not yet saved and lost; load again: {names}',
  'crash.detail': 'Details: {detail}',
  'crash.dismiss': 'Dismiss',
};
