// What the frequency lists leave out: function words (pronouns, conjunctions, prepositions,
// particles, adverbs of degree and time), light verbs, and the formulae of a news report (本报讯,
// 记者, 近日). Single characters are left out wholesale (isContentWord below): in jieba's output they are
// mostly particles (的, 了, 在). Content words that are merely common (工作, 发展) stay: for
// researchers of governance they are the point.

/** Words of two or more characters that carry no topic of their own. */
export const STOP_WORDS: ReadonlySet<string> = new Set(`
我们 你们 他们 她们 它们 咱们 自己 大家 人们 本人 各位
这个 那个 这些 那些 这样 那样 这种 那种 这里 那里 这儿 那儿 此次 这次 那次 这是 就是 还是 也是 都是 不是 只是 正是 便是 即是
什么 怎么 怎样 如何 为何 哪些 哪里 多少 有些 一些 一个 一种 一次 一批 一起 一直 一切 一下 一方面 另一方面
一是 二是 三是 四是 五是 六是 七是 八是 九是 十是 其一 其二 其三 首先 其次 再次 最后
因为 所以 但是 可是 然而 而且 并且 或者 或是 以及 及其 还有 如果 假如 虽然 尽管 即使 然后 于是 因此 因而 从而 进而 此外 另外 同时 并不 不仅 而是
为了 对于 关于 根据 按照 依照 依据 通过 经过 随着 由于 除了 至于 作为 对此 为此 以此 以便 以免 以来 以后 以前 以上 以下 以内 以外 之后 之前 之间 之中 之下 之上 之一 期间 当中 其中 其他 其它 其余 方面 有关 相关
已经 曾经 正在 将要 将会 即将 马上 立即 一定 必须 应该 应当 可以 可能 能够 需要 不断 始终 仍然 依然 还是 总是 往往 逐步 进一步 更加 十分 非常 特别 尤其 比较 相当 较为 最为 极其 更是 也要 都要 还要 就要 要求 表示 指出 强调 认为 介绍 了解 据悉 据了解 据介绍 获悉 得知
进行 开展了 作出 做出 给予 加以 予以 有所 有着 具有 成为 属于 存在 没有 不能 不会 不要 不得 能否 是否
本报讯 记者 通讯员 实习生 摄影 报道 编辑 责任编辑 来源 日电 电讯 近日 日前 当天 当日 今天 昨天 明天 今年 去年 明年 目前 现在 此前 近年来 近期 同期
等等 之类 左右 上下 以上 多名 多个 多次 多项 余名 余人 余个 余家 余次
`.split(/\s+/).filter(Boolean));

const NUMBER = /^[\d.,%‰+\-－·:：/]+$|^[零〇一二三四五六七八九十百千万亿两几第]+$|^\d+[年月日号时分秒个名人次万亿元%]$/u;
const LATIN_OR_SYMBOL = /^[\p{P}\p{S}\s]+$/u;

/** True for a word the frequency lists count: two characters or more, not a stop word, not a
 *  number or a date piece, not punctuation. */
export function isContentWord(word: string): boolean {
  if ([...word].length < 2) return false;
  if (STOP_WORDS.has(word)) return false;
  if (NUMBER.test(word)) return false;
  return !LATIN_OR_SYMBOL.test(word);
}
