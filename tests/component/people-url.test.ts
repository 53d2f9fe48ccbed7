// Person and post pages in the address (url-state's `page`), people chips in links, and how a
// people chip reads.
import { describe, expect, it } from 'vitest';
import { EMPTY_LOCATION, readLocation, writeLocation } from '../../src/ui/lib/url-state.svelte';
import { facetValueLabel } from '../../src/ui/lib/facet-labels';

describe('people pages and chips in the address', () => {
  it('writes and reads a person page and a post page with its district', () => {
    for (const page of ['person:刘怀斌@红旗区', 'post:红旗区委书记|红旗区']) {
      const state = { ...EMPTY_LOCATION, view: 'people', page };
      const written = writeLocation(state);
      expect(written).toContain('view=people');
      expect(readLocation(written)).toEqual(state);
    }
    // The list has no page, and the search view never carries one.
    expect(readLocation(writeLocation({ ...EMPTY_LOCATION, view: 'people' }))).toEqual({ ...EMPTY_LOCATION, view: 'people' });
    expect(writeLocation({ ...EMPTY_LOCATION, page: 'person:x@y' })).toBe('');
  });

  it('keeps a people chip in a link and shows it as name and district', () => {
    const state = { ...EMPTY_LOCATION, filters: [{ field: 'person' as const, value: '丁文广@凤泉区' }] };
    expect(readLocation(writeLocation(state))).toEqual(state);
    expect(facetValueLabel('person', '丁文广@凤泉区')).toBe('丁文广（凤泉区）');
    expect(facetValueLabel('person', '周春雨@press:新乡日报')).toBe('周春雨（新乡日报）');
    expect(facetValueLabel('person', '习近平@?')).toBe('习近平');
  });
});
