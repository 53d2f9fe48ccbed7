// fast-check generators of bulletins: assembled from the parts real pages are made of, and
// the sample bulletins mutated (articles shuffled, headlines removed, paragraphs merged, noise).
import fc from 'fast-check';
import { seedFiles } from './seeds';

const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞';

const hanChar = fc.constantFrom(...HAN);
const hanWord = (min: number, max: number) => fc.array(hanChar, { minLength: min, maxLength: max }).map((a) => a.join(''));
const punct = fc.constantFrom('，', ',', '、', '：', '“', '”', '（', '）', '(', ')', '—', ' ');
const end = fc.constantFrom('。', '！', '？', '', '；');

/** A sentence of Han words and punctuation. */
export const sentence = fc
  .tuple(fc.array(fc.tuple(hanWord(2, 8), punct), { minLength: 1, maxLength: 6 }), hanWord(1, 6), end)
  .map(([parts, last, e]) => parts.map(([w, p]) => w + p).join('') + last + e);

const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((s) => s.join(''));

const lead = fc.constantFrom('本报讯 ', '**本报讯** ', '本报讯(记者张三 通讯员李四)', '本报北京6月9日电 （记者 王五）', '新华社郑州6月8日电 ', '', '');
const dateline = fc.constantFrom('6月8日，', '近日，', '今年以来，', '“六一”期间，', '6月25日下午，', '', '１２月３日，');
const credit = fc.constantFrom('(红旗宣)', '（周春雨 罗菲）', '\n\n(东街宣)', '\n记者 张改华 通讯员 张黎', '\n\n本报记者 刘金元 摄', '', '', ' 赵慧意 李月锦 摄');
const headlineLine = fc.tuple(fc.constantFrom('', '# ', '## ', '**'), hanWord(4, 24), fc.constantFrom('', ' ', '  ')).map(([m, h, t]) => m + h + (m === '**' ? '**' : '') + t);
const kicker = fc.constantFrom('', '', '红旗区委理论学习中心组\n', '封丘县潘店镇\n', '高新区动态\n', '# 卫滨区\n');
const sep = fc.constantFrom('\n\n', '\n', '\n\n\n\n', '\r\n\r\n', '\n \n');

/** One article as a page prints it. */
export const articleText = fc
  .tuple(kicker, headlineLine, sep, lead, dateline, fc.array(paragraph, { minLength: 1, maxLength: 6 }), sep, credit)
  .map(([k, h, s, l, d, paras, s2, c]) => `${k}${h}${s}${l}${d}${paras.join(s2)}${c}`);

/** Lines of noise: control, zero-width and bidi characters, stray Markdown, HTML, symbols. */
export const noise = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('<script>alert(1)</script>', '**', '###', '\u200b\u202e\u0007', '——', '(', '）', '□', '第04版', '---', '\t\t', '\ufeff'),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** A whole generated bulletin. */
export const bulletin = fc
  .tuple(fc.array(articleText, { minLength: 0, maxLength: 8 }), fc.array(fc.tuple(fc.nat(), noise), { maxLength: 4 }), sep)
  .map(([arts, noises, s]) => {
    const blocks = [...arts];
    for (const [at, n] of noises) blocks.splice(at % (blocks.length + 1), 0, n);
    return blocks.join(s);
  });

const seeds = seedFiles().map((s) => s.text);

/** A sample bulletin mutated the way bad exports damage pages. */
export const mutatedSeed = fc
  .tuple(fc.nat({ max: seeds.length - 1 }), fc.array(fc.tuple(fc.constantFrom('shuffle', 'drop-line', 'merge', 'noise', 'split', 'swap-width'), fc.nat(), noise), { maxLength: 6 }))
  .map(([i, ops]) => {
    let blocks = seeds[i].split(/\n\n/);
    for (const [op, n, junk] of ops) {
      const at = n % Math.max(blocks.length, 1);
      if (op === 'shuffle') blocks = [...blocks.slice(at), ...blocks.slice(0, at)];
      else if (op === 'drop-line') blocks.splice(at, 1);
      else if (op === 'merge' && at + 1 < blocks.length) blocks.splice(at, 2, blocks[at] + blocks[at + 1]);
      else if (op === 'noise') blocks.splice(at, 0, junk);
      else if (op === 'split' && blocks[at]) blocks.splice(at, 1, blocks[at].slice(0, n % 50), blocks[at].slice(n % 50));
      else if (op === 'swap-width' && blocks[at]) blocks[at] = blocks[at].replace(/,/g, '，').replace(/\(/g, '（').replace(/\)/g, '）');
    }
    return blocks.join('\n\n');
  });
