// How facet values read in the page: kinds in words, months as 2026年6月; other values as stored.
import type { FacetField } from '../../core/query/types';
import type { MessageKey } from '../messages';
import { i18n } from './i18n.svelte';

const KINDS = new Set(['news', 'photo', 'commentary', 'notice']);

/** The label of a facet value in the current language. */
export function facetValueLabel(field: FacetField, value: string): string {
  if (field === 'kind' && KINDS.has(value)) return i18n.t(`kind.${value}` as MessageKey);
  if (field === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(value);
    if (m) return i18n.lang === 'zh' ? `${m[1]}年${Number(m[2])}月` : value;
  }
  if (field === 'year' && /^\d{4}$/.test(value) && i18n.lang === 'zh') return `${value}年`;
  // A person id of the people index (刘怀斌@红旗区, 周春雨@press:新乡日报): the name, then where.
  if (field === 'person') {
    const at = value.indexOf('@');
    const where = at < 0 ? '' : value.slice(at + 1).replace(/^press:?/, '').replace(/^\?$/, '');
    return at < 0 ? value : where ? `${value.slice(0, at)}（${where}）` : value.slice(0, at);
  }
  return value;
}
