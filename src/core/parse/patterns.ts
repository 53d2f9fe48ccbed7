// The vocabulary of Chinese newspaper page furniture: lead markers, credits, column names, time
// phrases. Every pattern accepts full- and half-width punctuation, because dumps of the same
// paper come in both.

/** Han characters (CJK unified ideographs and extension A). */
export const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
const han = `[${HAN}]`;

/** Punctuation that ends a sentence (a paragraph ending in one of these is complete). */
export const SENTENCE_END = /[。！？!?…；;：:]$/;
/** Closing quotes and brackets that may follow sentence-final punctuation. */
export const CLOSERS = /[”’」』》）)\]】"']+$/;

/** A paragraph is complete when it ends with sentence punctuation, possibly inside closers. */
export function endsSentence(text: string): boolean {
  const t = text.replace(CLOSERS, (m) => (m.length === text.length ? m : ''));
  if (SENTENCE_END.test(t)) return true;
  // A closing quote after a complete quoted sentence: “……。” — already handled above; a bare
  // closing quote after a word (……“三夏”) is not an end.
  return false;
}

const OPEN = '[（(]';
const CLOSE = '[）)]';

/** Lead markers at the start of a body paragraph, most specific first. Group 1 = the marker. */
export const LEAD_PATTERNS: RegExp[] = [
  // 本报讯 / **本报讯** / 【本报讯】
  /^(?:\*\*|【|\[)?\s*(本报讯|本刊讯|本台讯|本网讯)\s*(?:\*\*|】|\])?/,
  // 本报北京6月9日电 / 本报郑州讯
  new RegExp(`^(?:\\*\\*)?(本报${han}{0,8}?(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日(?:电|讯)|本报${han}{1,6}?讯)(?:\\*\\*)?`),
  // 新华社北京6月9日电 / 据新华社北京6月9日电 / 中新社… / 人民日报…
  new RegExp(
    `^(?:\\*\\*)?(据?(?:新华社|中新社|中新网|人民日报|央视新闻|光明日报|经济日报|中国新闻社|${han}{2,6}?(?:日报|晚报|晨报|都市报|新闻网|融媒体中心|广播电视台))${han}{0,8}?(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日(?:电|讯))(?:\\*\\*)?`,
  ),
];

/** Byline in parentheses right after the lead marker: (记者X 通讯员Y). Group 1 = inner text. */
export const LEAD_BYLINE = new RegExp(`^\\s*${OPEN}([^（()）\\n]{1,80}?)${CLOSE}\\s*`);

/** Words that make a parenthesised text a byline rather than an aside. */
export const BYLINE_ROLE = /(记者|通讯员|见习|实习生|特约|撰稿|编辑|摄影|报道员|全媒体|融媒体|本报)/;

/** Reporter and correspondent role words, for splitting a byline. */
export const REPORTER_ROLE = new RegExp(`^(?:本报|新华社|${han}{0,10}?)?(?:全媒体|融媒体|首席|见习|特约|实习)?(?:记者|实习生|摄影记者)$`);
export const CORRESPONDENT_ROLE = /^(?:本报|特约)?(?:通讯员|报道员|特约通讯员)$/;

/** Tokens of a credit that are not names: 文/图, 摄, roles. */
export const CREDIT_TAIL = /(?:文\s*[/／]\s*图|图\s*[/／]\s*文|摄影|摄|文|图)$/;

/** An author line of a commentary: □高亢, ◎ 张三, ■李四. Group 1 = the author. */
export const AUTHOR_LINE = new RegExp(`^[□◎■●○◆◇▲△☆★]\\s*((?:本报评论员|特约评论员|评论员)?\\s*${han}{1,8}(?:\\s+${han}{1,8}){0,3})$`);

/** Column-header words: a short line ending in one of these names a page column (栏目). */
export const COLUMN_WORDS = [
  '动态', '视窗', '强音', '快讯', '简讯', '速递', '聚焦', '观察', '传真', '纵横', '热线', '直通车',
  '播报', '资讯', '要闻', '时评', '短评', '评论', '论坛', '声音', '话题', '关注', '专栏', '风采',
  '走笔', '手记', '掠影', '扫描', '看台', '集锦', '之窗', '广角', '巡礼', '图片新闻', '新闻眼', '一线',
  '前沿', '在线', '连线', '点击', '综述', '快递', '窗口', '特写', '瞭望', '札记', '随笔', '漫谈',
  '杂谈', '微评', '锐评', '热评', '新闻', '视点', '焦点', '万象', '剪影', '故事', '影像', '画廊',
];

/** Kicker-ish endings: a unit or place named above a headline (引题). */
export const UNIT_SUFFIX = new RegExp(
  `(?:省|市|区|县|旗|镇|乡|街道|办事处|社区|村|组|委|局|厅|办|处|所|站|院|校|学校|中心|公司|集团|企业|协会|商会|联合会|联|部|队|团|会|馆|园|场|厂|矿|行|支部|党委|工委|管委会|中心组|代表团)$`,
);

/** Ordinal openings of in-body subheads and list items: 一是 一、 （一） 1. 第一 */
export const ORDINAL_START = /^(?:[一二三四五六七八九十]+(?:是|要|、|，|,|\.|．)|[（(][一二三四五六七八九十0-9０-９]+[）)]|[0-9０-９]+[、.．]|第[一二三四五六七八九十]+[，,、是]?|[①-⑳])/;

/** Box or section heads that sit inside an article, never start one. */
export const BOX_HEAD = /^(?:核心阅读|编者按|编后|记者手记|延伸阅读|相关链接|链接|背景|名词解释|小贴士|数读|短评|评论)\s*[:：]?$/;

// --- time phrases --------------------------------------------------------------------------

const D = '[0-9０-９]';
const CN_NUM = '[一二三四五六七八九十〇零]';
const PART_OF_DAY = '(?:上午|下午|晚上|晚间|晚|早上|早晨|清晨|凌晨|中午|傍晚|夜间|夜|午后|当天|当日|上旬|中旬|下旬|以来|期间|前后)?';
/** M月D日 with optional year and part of day. */
const MONTH_DAY = `(?:(?:${D}{4}|${CN_NUM}{4})年)?(?:${D}{1,2}|${CN_NUM}{1,3})月(?:${D}{1,2}|${CN_NUM}{1,3})[日号]${PART_OF_DAY}(?:至(?:${D}{1,2}月)?${D}{1,2}日)?`;
const DAY_ONLY = `${D}{1,2}日${PART_OF_DAY}`;
const FIXED = [
  '今年年初以来', '今年以来', '年初以来', '今年上半年', '今年下半年', '上半年', '下半年', '近年来', '近些年来',
  '近年', '近日', '日前', '近期', '连日来', '近段时间', '近一段时间以来', '近一段时间', '前不久', '不久前', '此前',
  '昨天', '昨日', '今天', '今日', '本周', '近来', '这些天', '近几天', '近一个月来', '当天', '当日', '目前', '眼下',
  '入夏以来', '入秋以来', '入冬以来', '开春以来', '入春以来', '汛期以来', '进入夏季以来', '今年', '去年', '年初',
  '年底', '岁末年初', '新春佳节期间', '春节期间', '国庆期间', '中秋期间', '元旦期间', '假期期间', '暑假期间', '近两年',
];
const FESTIVAL = `[“"‘'「][^”"’'」]{1,8}[”"’'」](?:期间|前夕|当天|之际|来临之际|以来|前后)`;
const MONTH_ONLY = `(?:${D}{4}年)?${D}{1,2}月(?:上旬|中旬|下旬|初|底|中|以来|份)`;

/** A time phrase at the very start of a clause. Group 1 = the phrase. */
export const TIME_PHRASE = new RegExp(
  `^(${MONTH_DAY}|${FESTIVAL}|${MONTH_ONLY}|${FIXED.join('|')}|${DAY_ONLY})(?=[，,、：:\\s]|$|在|由|，)`,
);
/** A time phrase anywhere after 图为 in a photo caption. */
export const PHOTO_TIME = new RegExp(`图为(${MONTH_DAY}|${DAY_ONLY})`);
/** Reads M月D日 (with optional year) into numbers. */
export const MONTH_DAY_PARTS = new RegExp(`(?:(${D}{4})年)?(${D}{1,2}|${CN_NUM}{1,3})月(${D}{1,2}|${CN_NUM}{1,3})[日号]`);
export const DAY_PARTS = new RegExp(`^(${D}{1,2})日`);
