// The words that mark a person in these pages: titles (区委书记、区长刘怀斌), descriptors
// (种植大户蔡虎), the organisation suffixes a title attaches to, and the words that follow a
// name (主持, 出席, 强调). Lists, not rules: extending coverage means adding words here.

/** Title words of public posts, without their organisation (区委 + 书记, 统战部 + 部长). */
const OFFICIAL_TITLES = [
  '书记', '副书记', '常务副书记', '专职副书记', '第一书记', '常委', '委员', '候补委员',
  '区长', '副区长', '常务副区长', '县长', '副县长', '常务副县长', '市长', '副市长', '常务副市长',
  '省长', '副省长', '镇长', '副镇长', '乡长', '副乡长', '村长', '主任', '副主任', '常务副主任',
  '主席', '副主席', '专职副主席', '部长', '副部长', '常务副部长', '局长', '副局长', '厅长',
  '副厅长', '处长', '副处长', '科长', '副科长', '所长', '副所长', '站长', '队长', '大队长',
  '中队长', '秘书长', '副秘书长', '调研员', '一级调研员', '二级调研员', '三级调研员', '四级调研员',
  '政委', '检察长', '副检察长', '院长', '副院长', '庭长', '副庭长', '主委', '副主委', '会长',
  '副会长', '理事长', '指挥长', '副指挥长', '组长', '副组长', '组织员', '党组成员', '党委委员',
  '班子成员', '领导', '负责人', '主要负责人', '馆长', '副馆长', '校长', '副校长', '园长',
  '总经理', '副总经理', '董事长', '副董事长', '经理', '厂长', '行长', '社长', '总编辑', '台长',
  '总工程师', '网格员', '宣传部长', '组织部长', '统战部长',
];

/** Descriptors that are not posts but name what a person is in the story (种植大户蔡虎). */
const DESCRIPTORS = [
  '种植大户', '养殖大户', '种粮大户', '大户', '村民', '居民', '创始人', '党员', '老党员',
  '志愿者', '运动员', '班长', '人大代表', '政协委员', '代表候选人', '候选人', '企业家', '农户',
  '专家', '教授', '医生', '教师', '老师', '民警', '辅警', '工程师', '技术员', '带头人',
  '致富带头人', '传承人', '宣讲员', '讲解员', '退役军人', '快递员', '外卖员', '职工', '员工',
  '店主', '老板', '主播', '学生',
];

/** Every title and descriptor, longest first so 副书记 wins over 书记. */
export const TITLE_WORDS: readonly string[] = [...new Set([...OFFICIAL_TITLES, ...DESCRIPTORS])].sort(
  (a, b) => b.length - a.length,
);

const DESCRIPTOR_SET = new Set(DESCRIPTORS);

/** True for descriptors (村民, 种植大户) as opposed to titles of posts. */
export function isDescriptor(title: string): boolean {
  return DESCRIPTOR_SET.has(title);
}

/** Titles that name the level of their unit (区长 is the head of a 区). */
export const LEVEL_TITLE = /^(?:常务)?副?([区县市省镇乡村])长$/;

/** Titles held by one person per organisation: a list after them does not share them. */
const SINGLE_HOLDER = /^(?:第一)?(?:书记|[区县市省镇乡村]长|主任|主席|部长|局长|厅长|处长|科长|所长|站长|队长|大队长|秘书长|政委|检察长|院长|庭长|主委|会长|理事长|指挥长|组长|馆长|校长|园长|总经理|董事长|厂长|行长|社长|总编辑|台长|[宣组统][传织战]部长)$/;

/** True when a list of names after this title cannot all hold it (宣传部长张三、李四). */
export function isSingleHolder(title: string): boolean {
  return SINGLE_HOLDER.test(title);
}

/** Compact titles that fold their department in (宣传部长 = 宣传部 + 部长). */
export const COMPACT_DEPARTMENT = /^(宣传|组织|统战)部长$/;

/**
 * Endings of organisation names (区委, 人大常委会, 统战部, 财政局, 党工委, 屯里村 …): text before a
 * title that ends so is the title's organisation; other text is a modifier (党员班长, 一线老党员).
 */
export const ORG_SUFFIX = /(?:委|委员会|会|政府|人大|政协|党组|支部|总支|部|局|办|办公室|室|厅|处|科|所|站|队|团|集团|公司|厂|社|馆|中心|院|校|学校|小学|中学|大学|幼儿园|医院|银行|区|县|市|镇|乡|街道|村|社区|联|协会|商会|合作社|基地|园区|党委|党工委|组|[)）]|”)$/;

/** Organisations of the party committee: 统战部 in a chain after 区委常委 belongs to the 区委. */
export const PARTY_DEPARTMENT = /^(?:统战部|宣传部|组织部|政法委|纪委|监委|编办|办公室|政研室|网信办|巡察办|党校)$/;

/** Bodies whose organisation word carries no level of its own: 政协 in a district is its 政协. */
export const BARE_BODY = /^(?:政协|人大|人大常委会|政府|纪委|纪委监委|监委|人武部|法院|检察院|团委|妇联|工商联|总工会)/;

/** Public bodies: a title in one of them is an official post; elsewhere (集团, 公司) it is not. */
export const PUBLIC_BODY = /(?:委|政府|人大|政协|党组|党委|党工委|管委会|常委会|局|部|办|室|厅|法院|检察院|街道|镇|乡|区|县|市|村|社区|支部|总支|团委|妇联|工商联|工会|红十字会|中心|所|站|队)$/;

/**
 * Words that begin right after a name: verbs of the meeting report (主持, 出席, 强调), prepositions
 * and particles. Two-character and longer entries are strong evidence that the name has ended.
 */
export const FOLLOW_WORDS: readonly string[] = [
  '主持召开', '主持', '出席', '参加', '列席', '讲话', '强调', '指出', '要求', '表示', '说道', '介绍',
  '一行', '同志', '调研', '带队', '带领', '先后', '深入', '陪同', '一同', '暗访', '检查', '察看',
  '查看', '听取', '宣读', '代表', '当选', '坚守', '毅然', '每日', '主动', '亲自', '亲切', '慰问',
  '走访', '看望', '来到', '前往', '实地', '现场', '详细', '认真', '仔细', '分别', '共同', '结合',
  '进行', '发表', '致辞', '宣布', '部署', '点评', '总结', '通报', '汇报', '发言', '作了', '望着',
  '看着', '笑着', '告诉', '认为', '提出', '希望', '载誉', '荣获', '获得', '斩获', '带头', '多次',
  '连夜', '积极', '始终', '放下', '返乡', '以全票', '高兴', '激动', '感慨', '坦言', '谈到',
  '等', '在', '到', '为', '对', '向', '与', '和', '及', '以', '就', '作', '做', '说', '率', '带',
  '曾', '是', '也', '还', '又', '将', '已', '被', '把', '从', '的', '同',
].sort((a, b) => b.length - a.length);

/** Verbs that make a bare name-shaped word a person (李博强调, 蔡虎说). */
export const SPEECH_VERBS = /^(?:强调|指出|表示|要求|介绍|说|坦言|告诉|认为|主持|出席|调研|带队)/;

/** The word that starts at `pos` in `text` from FOLLOW_WORDS, or null. */
export function followWordAt(text: string, pos: number): string | null {
  for (const w of FOLLOW_WORDS) if (text.startsWith(w, pos)) return w;
  return null;
}
