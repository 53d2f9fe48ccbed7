// What the browser tests expect to see, computed with the same core the app runs (so a parser
// change moves the expectations with it), and bulletins made up for the tests to load.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes, isBulletinName } from '../../src/core/decode/index';
import { parseBulletin } from '../../src/core/parse/index';
import type { Article } from '../../src/core/types';

/** The seeds folder, the app's built-in sample corpus. */
export const SEEDS_DIR = join(import.meta.dirname, '..', '..', 'seeds');

/** A parsed article with the file it came from. */
export interface SeedArticle extends Article {
  file: string;
}

/** Every article of the sample corpus, parsed in Node. */
export function seedArticles(): SeedArticle[] {
  const files = readdirSync(SEEDS_DIR).filter(isBulletinName).sort();
  return files.flatMap((file) => {
    const text = decodeBytes(readFileSync(join(SEEDS_DIR, file))).text;
    return parseBulletin(text, { fileName: file }).articles.map((a) => ({ ...a, file }));
  });
}

/** The number of sample bulletins. */
export function seedFileCount(): number {
  return readdirSync(SEEDS_DIR).filter(isBulletinName).length;
}

/** The search rule of issue 2: the text occurs literally in the headline, kicker, subtitle or body. */
export function articleMatches(a: Article, query: string): boolean {
  return [a.headline, a.kicker ?? '', a.subtitle ?? '', a.body].some((s) => s.includes(query));
}

/** Text with all whitespace and Markdown bold removed, for comparing what the page shows. */
export function flat(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, '').replaceAll('**', '');
}

// Twenty different stories, so that no two articles a test loads look like reprints of each
// other (a de-duplicating corpus could rightly count those once).
const TOPICS: Array<[string, string, string]> = [
  ['召开防汛工作推进会', '会议要求压实防汛责任，汛前完成河道清淤和堤坝巡查。', '各村已组建抢险队伍十二支。'],
  ['开展消防安全进社区活动', '工作人员向居民讲解家庭用电和燃气使用常识。', '现场发放宣传资料三百余份。'],
  ['举办果蔬种植技能培训班', '农技专家讲授大棚番茄的病虫害防治方法。', '六十余名种植户参加了培训。'],
  ['启动老旧小区改造工程', '改造内容包括管网更新、外墙保温和加装电梯。', '预计年底前全部完工。'],
  ['开展义诊进乡村活动', '医生为老人测量血压血糖并建立健康档案。', '活动持续到本月底。'],
  ['新建标准化篮球场投入使用', '球场配备夜间照明，全天免费开放。', '周边三个小区的居民可步行到达。'],
  ['组织中小学生暑期游泳安全教育', '老师用真实案例讲解溺水的危害和自救方法。', '各校还向家长发出了一封信。'],
  ['推广秸秆还田技术', '技术员在田间演示秸秆粉碎和深翻作业。', '今年推广面积达到两万亩。'],
  ['举行新就业形态劳动者座谈会', '快递员和网约车司机代表反映了停车难等问题。', '有关部门当场认领了七件事项。'],
  ['开通社区食堂', '食堂为七十岁以上老人提供优惠午餐。', '开业首周接待就餐者一千余人次。'],
  ['完成高标准农田验收', '项目区新打机井四十眼，铺设地埋管道九公里。', '灌溉效率明显提高。'],
  ['开展文明交通劝导志愿服务', '志愿者在路口劝导行人和电动车驾驶人遵守信号灯。', '服务每天早晚高峰各一次。'],
  ['建成村史馆', '馆内陈列老农具、老照片和村民捐赠的家谱。', '已接待参观群众两千余人次。'],
  ['举办非遗剪纸展览', '展出作品一百二十件，多为传承人近年新作。', '展览免费开放一个月。'],
  ['调解一起邻里纠纷', '调解员三次上门，最终促成双方签订协议。', '当事人送来锦旗表示感谢。'],
  ['开展燃气安全隐患排查', '检查组逐户查看软管老化和报警器安装情况。', '发现的隐患已当场督促整改。'],
  ['举行退役军人就业招聘会', '四十家企业提供岗位六百余个。', '当天达成就业意向九十余人。'],
  ['实施背街小巷路灯亮化', '新装太阳能路灯二百八十盏。', '夜间出行不再摸黑。'],
  ['召开秋粮收购工作会', '会议部署粮库仓容准备和收购资金保障。', '确保农民卖粮不难。'],
  ['开展反诈宣传进校园', '民警结合刷单返利等案例提醒学生提高警惕。', '学生们现场下载了反诈软件。'],
];
let nextTopic = 0;

/**
 * A made-up bulletin whose every article names `place` in its headline and body, so a test can
 * find exactly its articles by searching for the place. Places must not occur in the seeds.
 */
export function makeBulletin(place: string, articles = 3): string {
  const parts: string[] = [];
  for (let i = 0; i < articles; i++) {
    const [topic, detail, outcome] = TOPICS[nextTopic++ % TOPICS.length];
    parts.push(`## ${place}${topic}\n\n本报讯 6月${i + 3}日，${place}${topic}。${detail}\n\n${outcome}\n\n（${place}宣）\n`);
  }
  return parts.join('\n');
}

/** How many articles the core parser finds in a text (what the app should add for it). */
export function articleCount(text: string): number {
  return parseBulletin(text).articles.length;
}

/** A few bytes of a real PNG header: what a user drops by mistake. */
export const PNG_BYTES = new Uint8Array(Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
