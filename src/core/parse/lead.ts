// The lead of a body: the marker (本报讯, 本报北京6月9日电, 新华社…电) and the byline in
// parentheses after it; and the split of a byline into reporters and correspondents.
import { BYLINE_ROLE, LEAD_BYLINE, LEAD_PATTERNS } from './patterns';

/** What the start of a first body paragraph holds. */
export interface LeadMatch {
  lead: string | null;
  byline: string | null;
  /** Where the lead and the byline sit in the paragraph text. */
  leadStart: number;
  leadEnd: number;
  bylineStart: number;
  bylineEnd: number;
  /** Offset where the body proper starts. */
  bodyStart: number;
}

/** True when a paragraph opens with a lead marker. */
export function hasLead(text: string): boolean {
  return LEAD_PATTERNS.some((re) => re.test(text));
}

/** Find the lead marker and byline at the start of a paragraph. */
export function matchLead(text: string): LeadMatch {
  const none: LeadMatch = { lead: null, byline: null, leadStart: 0, leadEnd: 0, bylineStart: 0, bylineEnd: 0, bodyStart: 0 };
  for (const re of LEAD_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const lead = m[1];
    const leadStart = text.indexOf(lead);
    let pos = m[0].length;
    const res: LeadMatch = { ...none, lead, leadStart, leadEnd: leadStart + lead.length, bodyStart: pos };
    const b = LEAD_BYLINE.exec(text.slice(pos));
    if (b && (BYLINE_ROLE.test(b[1]) || /^[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})*$/.test(b[1].trim()))) {
      res.byline = b[1].trim();
      res.bylineStart = pos + b[0].indexOf(b[1]);
      res.bylineEnd = res.bylineStart + b[1].length;
      pos += b[0].length;
    }
    // Separators a page puts between the lead and the text.
    const sep = /^[\s\u3000:：,，、—-]*/.exec(text.slice(pos));
    res.bodyStart = pos + (sep ? sep[0].length : 0);
    return res;
  }
  return none;
}

const REPORTER = /(?:记者|实习生|撰稿|摄影)$/;
const CORRESPONDENT = /(?:通讯员|报道员)$/;

/**
 * Split a byline or credit into reporters and correspondents: 记者郭树勋 通讯员李亚芬 →
 * reporters [郭树勋], correspondents [李亚芬]. Names without a role are reporters of a byline.
 */
export function splitByline(text: string | null): { reporters: string[]; correspondents: string[] } {
  const reporters: string[] = [];
  const correspondents: string[] = [];
  if (!text) return { reporters, correspondents };
  let role: 'r' | 'c' = 'r';
  const parts = text
    .replace(/(记者|通讯员|报道员|实习生)/g, ' $1 ')
    .split(/[\s\u3000、，,]+/)
    .filter(Boolean);
  for (const p of parts) {
    if (CORRESPONDENT.test(p)) role = 'c';
    else if (REPORTER.test(p) || /^(?:本报|新华社|全媒体|融媒体|首席|见习|特约)/.test(p) && REPORTER.test(p)) role = 'r';
    else if (/^(?:本报|新华社|[\u4e00-\u9fff]*日报|全媒体|融媒体|首席|见习|特约)+$/.test(p)) continue;
    else if (/^(?:摄|文[/／]图|图[/／]文|文|图)$/.test(p)) continue;
    else if (/^[\u4e00-\u9fff·]{2,4}$/.test(p)) (role === 'c' ? correspondents : reporters).push(p);
  }
  return { reporters, correspondents };
}
