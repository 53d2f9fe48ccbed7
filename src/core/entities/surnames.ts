// Chinese family names, the first check on a name after a title: 刘怀斌 starts with 刘, while
// 高度重视 after 区长 starts with 高 too, so a surname alone is never enough (see names.ts).

/** Single-character surnames, roughly the 400 most common in mainland registers. */
const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由'.split('');

/** Two-character surnames (欧阳, 司马 …); checked before the single ones. */
const DOUBLE = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '长孙',
  '宇文', '司徒', '端木', '独孤', '南宫', '西门', '申屠', '轩辕', '太史', '呼延', '万俟', '澹台',
];

const SINGLE_SET = new Set(SINGLE);

/**
 * Surnames that are also everyday function words (于, 向, 和, 万, 时, 全 …): a name starting with
 * one needs stronger evidence that it is a name (a clear end, or jieba tagging it as one).
 */
export const WEAK_SURNAMES = new Set('于向和万时全从将来由应成文常安高方平明相信元但利印宣国门云容花海强师'.split(''));

/** The length of the surname at `pos` (2 for 欧阳, 1 for 刘), or 0 when none starts there. */
export function surnameAt(text: string, pos: number): number {
  for (const d of DOUBLE) if (text.startsWith(d, pos)) return 2;
  return SINGLE_SET.has(text[pos] ?? '') ? 1 : 0;
}
