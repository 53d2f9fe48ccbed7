// Why the index grouped mentions into one person, or kept a namesake apart: codes with their
// details, so the page can say it in Chinese or English.

/** The kinds of evidence the index reports. */
export type ReasonCode =
  | 'district' // all mentions in one district: detail [district]
  | 'shared-post' // two districts joined by a post bound to neither: [post, district, district]
  | 'joined-undistricted' // mentions with no district joined the only namesake: [count]
  | 'no-district' // no district known for these mentions
  | 'paper' // signs articles of a paper: [paper]
  | 'joined-unnamed-paper' // signatures in unnamed papers joined the only one: [count]
  | 'paper-unknown' // signs articles, paper not named
  | 'untitled' // named without a title or byline
  | 'namesakes-apart'; // kept apart from namesakes: [ids…]

/** One piece of evidence about a person's identity. */
export interface Reason {
  code: ReasonCode;
  detail: string[];
}

/** A reason as a sentence, in English or Chinese. */
export function reasonText(r: Reason, lang: 'en' | 'zh' = 'en'): string {
  const d = r.detail;
  const zh = lang === 'zh';
  switch (r.code) {
    case 'district': return zh ? `见于${d[0]}` : `mentioned in ${d[0]}`;
    case 'shared-post': return zh ? `${d[1]}与${d[2]}的报道都称其为${d[0]}` : `the same post ${d[0]} in ${d[1]} and ${d[2]}`;
    case 'joined-undistricted': return zh ? `${d[0]}处未注明区县的提及归入唯一同名者` : `${d[0]} mention(s) without a district joined the only namesake`;
    case 'no-district': return zh ? '区县不明' : 'no district known';
    case 'paper': return zh ? `${d[0]}署名` : `signs articles of ${d[0]}`;
    case 'joined-unnamed-paper': return zh ? `${d[0]}处未注明报纸的署名归入唯一同名者` : `${d[0]} signature(s) in unnamed papers joined the only namesake`;
    case 'paper-unknown': return zh ? '署名(报纸不明)' : 'signs articles (paper not named)';
    case 'untitled': return zh ? '仅有姓名,无职务或署名' : 'named without a title or byline';
    case 'namesakes-apart': return zh ? `与同名者${d.join('、')}分开:无共同职务或单位` : `kept apart from ${d.join(', ')}: no shared post or organisation`;
  }
}
